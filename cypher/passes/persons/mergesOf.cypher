// The merges on record of the given merged-away keys, latest first: the order in which they are
// split back, since a later merge of a key (the same mention imported again) rests on the earlier.
// Parameters:
//   $fromKeys list of string — keys of persons merged away
// Grounds: issue 10 §3 (a merge is undone by retracting a run it rests on).
MATCH (m:PersonMerge)
WHERE m.fromKey IN $fromKeys
RETURN m {.key, .fromKey, .intoKey, .firmKey, .fromProps, .moved} AS merge
ORDER BY m.mergedAt DESC, m.key DESC
