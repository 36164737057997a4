// MERGE baseline for cypher/import/firmHoldings.cypher: the same rows, exactly as the importer sends them,
// written by a bare UNWIND … MERGE: provenance appended without the duplicate check.
// Parameters:
//   $rows list of maps — as for cypher/import/firmHoldings.cypher
// Grounds: BENCHMARKS.md — the importer is measured against this (goal ≥ 0.8 of its rows/s).
UNWIND $rows AS r
MATCH (c:Company {key: r.firmKey})
MATCH (h:Company {key: r.holderKey})
MERGE (h)-[s:HOLDS_SHARES]->(c)
SET s += r.holding,
    s.provenance = coalesce(s.provenance, []) + r.prov
