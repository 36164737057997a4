// Reads every REGISTERED_AT relationship Company → Address of the MERGE baseline's graph, with its properties
// (provenance included) and the keys of its ends, for create/registeredAt.cypher. Streamed; not timed.
// Parameters: none.
// Grounds: BENCHMARKS.md — the CREATE baseline writes exactly the graph the MERGE baseline made.
MATCH (a:Company)-[s:REGISTERED_AT]->(b:Address)
RETURN a.key AS from, b.key AS to, properties(s) AS p
