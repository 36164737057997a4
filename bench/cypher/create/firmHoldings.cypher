// CREATE baseline: every HOLDS_SHARES relationship Company → Company of the final graph, written once with all
// its properties by a bare UNWIND … MATCH … CREATE (the ends are found by their unique keys).
// Parameters:
//   $rows list of maps — {from: Company key, to: Company key, p: properties}, from export/firmHoldings.cypher
// Grounds: BENCHMARKS.md — the importer's CREATE baseline.
UNWIND $rows AS r
MATCH (a:Company {key: r.from})
MATCH (b:Company {key: r.to})
CREATE (a)-[s:HOLDS_SHARES]->(b)
SET s = r.p
