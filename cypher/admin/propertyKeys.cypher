// Every (label, property) and (relationship type, property) pair present in the database: what
// the conformance test compares with the graph model (model/graph.ts).
// Parameters: none.
CALL () {
  MATCH (n) UNWIND labels(n) AS owner UNWIND keys(n) AS property
  RETURN DISTINCT 'node' AS kind, owner, property
  UNION
  MATCH ()-[r]->() UNWIND keys(r) AS property
  RETURN DISTINCT 'relationship' AS kind, type(r) AS owner, property
}
RETURN kind, owner, property ORDER BY kind, owner, property
