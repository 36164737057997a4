// MERGE baseline for cypher/import/firmRefs.cypher: the same rows, exactly as the importer sends them,
// written by a bare UNWIND … MERGE: identifying properties on creation only, provenance appended without the duplicate check.
// Parameters:
//   $rows list of maps — as for cypher/import/firmRefs.cypher
// Grounds: BENCHMARKS.md — the importer is measured against this (goal ≥ 0.8 of its rows/s).
UNWIND $rows AS r
MERGE (c:Company {key: r.key})
ON CREATE SET c += r.props
SET c.provenance = coalesce(c.provenance, []) + r.prov
