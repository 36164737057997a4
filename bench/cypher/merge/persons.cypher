// MERGE baseline for cypher/import/persons.cypher: the same rows, exactly as the importer sends them,
// written by a bare UNWIND … MERGE: provenance appended without the duplicate check.
// Parameters:
//   $rows list of maps — as for cypher/import/persons.cypher
// Grounds: BENCHMARKS.md — the importer is measured against this (goal ≥ 0.8 of its rows/s).
UNWIND $rows AS r
MERGE (p:Person {key: r.key})
SET p += r.props,
    p.provenance = coalesce(p.provenance, []) + r.prov
