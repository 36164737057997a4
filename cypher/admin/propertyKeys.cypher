// Every (label, property, value type) and (relationship type, property, value type) present in
// the database: what the conformance test compares with the graph model (model/graph.ts).
// Parameters: none.
CALL () {
  MATCH (n) UNWIND labels(n) AS owner UNWIND keys(n) AS property
  RETURN DISTINCT 'node' AS kind, owner, property, valueType(n[property]) AS valueType
  UNION
  MATCH ()-[r]->() UNWIND keys(r) AS property
  RETURN DISTINCT 'relationship' AS kind, type(r) AS owner, property, valueType(r[property]) AS valueType
}
RETURN kind, owner, property, valueType ORDER BY kind, owner, property, valueType
