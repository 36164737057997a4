// Every relationship of the store with its type, its two ends (element ids, as dump/nodes returns
// them) and each property with its Neo4j value type. For small stores: all in one answer.
// Parameters: none.
// Grounds: the committed store of tests/fixtures/migrations/, made by older code for the migrations test.
MATCH (a)-[r]->(b)
RETURN elementId(a) AS from, elementId(b) AS to, type(r) AS type,
       [k IN keys(r) | {name: k, type: valueType(r[k]), value: r[k]}] AS properties
