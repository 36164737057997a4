// Reads every IN_REGION relationship Address → Region of the MERGE baseline's graph, with its properties
// (provenance included) and the keys of its ends, for create/inRegion.cypher. Streamed; not timed.
// Parameters: none.
// Grounds: BENCHMARKS.md — the CREATE baseline writes exactly the graph the MERGE baseline made.
MATCH (a:Address)-[s:IN_REGION]->(b:Region)
RETURN a.key AS from, b.code AS to, properties(s) AS p
