// MERGE baseline for cypher/import/registrations.cypher: the same rows, exactly as the importer sends them,
// written by a bare UNWIND … MERGE: no prior-value history, provenance appended without the duplicate check.
// Parameters:
//   $rows list of maps — as for cypher/import/registrations.cypher
// Grounds: BENCHMARKS.md — the importer is measured against this (goal ≥ 0.8 of its rows/s).
UNWIND $rows AS r
MERGE (c:Company {key: r.key})
SET c += r.props,
    c.provenance = coalesce(c.provenance, []) + r.prov
