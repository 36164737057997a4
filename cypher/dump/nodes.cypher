// Every node of the store with its labels and each property with its Neo4j value type, so that a
// dump (tests/support/storeDump.ts) can write integers, dates and date-times as what they are.
// For small stores: the whole graph comes back in one answer.
// Parameters: none.
// Grounds: the committed store of tests/fixtures/migrations/, made by older code for the migrations test.
MATCH (n)
RETURN elementId(n) AS id, labels(n) AS labels,
       [k IN keys(n) | {name: k, type: valueType(n[k]), value: n[k]}] AS properties
