// CREATE baseline: every IN_REGION relationship Address → Region of the final graph, written once with all
// its properties by a bare UNWIND … MATCH … CREATE (the ends are found by their unique keys).
// Parameters:
//   $rows list of maps — {from: Address key, to: Region code, p: properties}, from export/inRegion.cypher
// Grounds: BENCHMARKS.md — the importer's CREATE baseline.
UNWIND $rows AS r
MATCH (a:Address {key: r.from})
MATCH (b:Region {code: r.to})
CREATE (a)-[s:IN_REGION]->(b)
SET s = r.p
