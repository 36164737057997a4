// MERGE baseline for cypher/import/registeredAddresses.cypher: the same rows, exactly as the importer sends them,
// written by a bare UNWIND … MERGE: shared address and region nodes as the importer makes them, provenance appended without the duplicate check.
// Parameters:
//   $rows list of maps — as for cypher/import/registeredAddresses.cypher
// Grounds: BENCHMARKS.md — the importer is measured against this (goal ≥ 0.8 of its rows/s).
UNWIND $rows AS r
MATCH (c:Company {key: r.firmKey})
MERGE (a:Address {key: r.address.key})
ON CREATE SET a.text = r.address.text, a.regionCode = r.address.regionCode
SET a.provenance = coalesce(a.provenance, []) + r.prov
MERGE (c)-[s:REGISTERED_AT]->(a)
SET s.provenance = coalesce(s.provenance, []) + r.prov
WITH a, r WHERE r.region IS NOT NULL
MERGE (g:Region {code: r.region.code})
ON CREATE SET g.name = r.region.name
MERGE (a)-[:IN_REGION]->(g)
