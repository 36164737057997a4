// Counts relationships by type and end labels, with their provenance entries (see nodes.cypher).
// Parameters: none.
// Grounds: BENCHMARKS.md — every figure sits next to a baseline that wrote the same rows.
MATCH (a)-[r]->(b)
RETURN type(r) AS type, labels(a) AS from, labels(b) AS to, count(*) AS count,
       sum(size(coalesce(r.provenance, []))) AS provenance
