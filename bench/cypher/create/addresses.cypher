// CREATE baseline: every :Address node of the final graph, each written once with all its properties
// (provenance included) by a bare UNWIND … CREATE — the floor under what any upsert can cost.
// Parameters:
//   $rows list of maps — {p: the node's properties}, from export/addresses.cypher
// Grounds: BENCHMARKS.md — the importer's CREATE baseline.
UNWIND $rows AS r
CREATE (n:Address)
SET n = r.p
