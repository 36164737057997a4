// The merges of one merged-away key (a re-imported mention is merged again, and split back in the
// reverse order).
CREATE INDEX person_merge_from IF NOT EXISTS FOR (m:PersonMerge) ON (m.fromKey)
