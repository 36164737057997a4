// The merges that rest on a run: a provenance entry of the run is among those of the person merged
// away, of its relationships, or of the survivor's own links to the firm. Retracting the run
// splits them back first (and every other merge of the same keys), so that the retract removes
// exactly what the run wrote.
// Parameters:
//   $prefix string — 'runId/'
// Grounds: issue 10 §3; `chuantou import --retract RUN`.
MATCH (m:PersonMerge)
WHERE any(e IN m.provenance WHERE e STARTS WITH $prefix)
RETURN collect(DISTINCT m.fromKey) AS fromKeys, collect(DISTINCT m.firmKey) AS firmKeys
