// The merges made in a firm, checked again whenever the firm's people change (a second person of
// the name makes a merge ambiguous).
CREATE INDEX person_merge_firm IF NOT EXISTS FOR (m:PersonMerge) ON (m.firmKey)
