// CREATE baseline: every REGISTERED_AT relationship Company → Address of the final graph, written once with all
// its properties by a bare UNWIND … MATCH … CREATE (the ends are found by their unique keys).
// Parameters:
//   $rows list of maps — {from: Company key, to: Address key, p: properties}, from export/registeredAt.cypher
// Grounds: BENCHMARKS.md — the importer's CREATE baseline.
UNWIND $rows AS r
MATCH (a:Company {key: r.from})
MATCH (b:Address {key: r.to})
CREATE (a)-[s:REGISTERED_AT]->(b)
SET s = r.p
