// MERGE baseline for cypher/import/legalRepresentatives.cypher: the same rows, exactly as the importer sends them,
// written by a bare UNWIND … MERGE: provenance appended without the duplicate check.
// Parameters:
//   $rows list of maps — as for cypher/import/legalRepresentatives.cypher
// Grounds: BENCHMARKS.md — the importer is measured against this (goal ≥ 0.8 of its rows/s).
UNWIND $rows AS r
MATCH (c:Company {key: r.firmKey})
MATCH (p:Person {key: r.personKey})
MERGE (p)-[l:LEGAL_REPRESENTATIVE_OF]->(c)
SET l.provenance = coalesce(l.provenance, []) + r.prov
