// Retracting a run, step 2: where the run replaced a value, the value it replaced becomes current
// again (the earliest one the run replaced, if it replaced the same property more than once).
// Parameters:
//   $prefix string — 'runId/'
// Grounds: nothing is silently overwritten, so a retracted overwrite is undone.
MATCH (n)-[:HAD_VALUE]->(v:PriorValue)
WHERE v.replacedBy STARTS WITH $prefix
WITH n, v ORDER BY v.replacedAt
WITH n, v.property AS property, collect(v)[0] AS earliest
CALL (n, property, earliest) {
  SET n[property] = earliest.value
} IN TRANSACTIONS OF 5000 ROWS
