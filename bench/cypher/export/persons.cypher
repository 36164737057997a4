// Reads every :Person node of the MERGE baseline's graph, all properties (provenance included), as
// rows for the CREATE baseline (create/persons.cypher). Streamed; not timed.
// Parameters: none.
// Grounds: BENCHMARKS.md — the CREATE baseline writes exactly the graph the MERGE baseline made.
MATCH (n:Person)
RETURN properties(n) AS p
