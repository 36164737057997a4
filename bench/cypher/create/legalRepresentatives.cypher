// CREATE baseline: every LEGAL_REPRESENTATIVE_OF relationship Person → Company of the final graph, written once with all
// its properties by a bare UNWIND … MATCH … CREATE (the ends are found by their unique keys).
// Parameters:
//   $rows list of maps — {from: Person key, to: Company key, p: properties}, from export/legalRepresentatives.cypher
// Grounds: BENCHMARKS.md — the importer's CREATE baseline.
UNWIND $rows AS r
MATCH (a:Person {key: r.from})
MATCH (b:Company {key: r.to})
CREATE (a)-[s:LEGAL_REPRESENTATIVE_OF]->(b)
SET s = r.p
