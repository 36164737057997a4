// Every node of the store with its labels and each property with its Neo4j value type, so that a
// dump (tests/support/storeDump.ts) can write integers, dates and date-times as what they are.
// For small stores: the whole graph comes back in one answer.
// Parameters: none.
// Grounds: the committed store of tests/fixtures/migrations/, made by older code for the migrations test.
// The audit trail is left out: it records who worked on the store and grows with every command (a
// migrate run twice adds its entry while the data stays as it was); `audit export` archives it.
MATCH (n)
WHERE NOT n:AuditEntry AND NOT n:AuditHead
RETURN elementId(n) AS id, labels(n) AS labels,
       [k IN keys(n) | {name: k, type: valueType(n[k]), value: n[k]}] AS properties
