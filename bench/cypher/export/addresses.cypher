// Reads every :Address node of the MERGE baseline's graph, all properties (provenance included), as
// rows for the CREATE baseline (create/addresses.cypher). Streamed; not timed.
// Parameters: none.
// Grounds: BENCHMARKS.md — the CREATE baseline writes exactly the graph the MERGE baseline made.
MATCH (n:Address)
RETURN properties(n) AS p
