// Reads every LEGAL_REPRESENTATIVE_OF relationship Person → Company of the MERGE baseline's graph, with its properties
// (provenance included) and the keys of its ends, for create/legalRepresentatives.cypher. Streamed; not timed.
// Parameters: none.
// Grounds: BENCHMARKS.md — the CREATE baseline writes exactly the graph the MERGE baseline made.
MATCH (a:Person)-[s:LEGAL_REPRESENTATIVE_OF]->(b:Company)
RETURN a.key AS from, b.key AS to, properties(s) AS p
