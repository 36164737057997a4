// Reads every HOLDS_SHARES relationship Company → Company of the MERGE baseline's graph, with its properties
// (provenance included) and the keys of its ends, for create/firmHoldings.cypher. Streamed; not timed.
// Parameters: none.
// Grounds: BENCHMARKS.md — the CREATE baseline writes exactly the graph the MERGE baseline made.
MATCH (a:Company)-[s:HOLDS_SHARES]->(b:Company)
RETURN a.key AS from, b.key AS to, properties(s) AS p
