// Reads every :Region node of the MERGE baseline's graph, all properties (provenance included), as
// rows for the CREATE baseline (create/regions.cypher). Streamed; not timed.
// Parameters: none.
// Grounds: BENCHMARKS.md — the CREATE baseline writes exactly the graph the MERGE baseline made.
MATCH (n:Region)
RETURN properties(n) AS p
