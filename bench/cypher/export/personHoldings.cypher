// Reads every HOLDS_SHARES relationship Person → Company of the MERGE baseline's graph, with its properties
// (provenance included) and the keys of its ends, for create/personHoldings.cypher. Streamed; not timed.
// Parameters: none.
// Grounds: BENCHMARKS.md — the CREATE baseline writes exactly the graph the MERGE baseline made.
MATCH (a:Person)-[s:HOLDS_SHARES]->(b:Company)
RETURN a.key AS from, b.key AS to, properties(s) AS p
