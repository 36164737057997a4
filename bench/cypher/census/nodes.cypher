// Counts the nodes of each label combination and their provenance entries, so that the three
// graphs a benchmark writes (importer, MERGE baseline, CREATE baseline) can be checked to be the
// same graph before their speeds are compared.
// Parameters: none.
// Grounds: BENCHMARKS.md — every figure sits next to a baseline that wrote the same rows.
MATCH (n)
RETURN labels(n) AS labels, count(*) AS count, sum(size(coalesce(n.provenance, []))) AS provenance
