// Retracting a run, step 2: where the run replaced a value, the value it replaced becomes current
// again (the earliest one the run replaced, if it replaced the same property more than once). When
// a later run replaced the value since, the later run's value stays current and the value the
// retracted run replaced is handed to the later run's history entry instead, so that retracting
// that run in turn goes back past both. Holdings' values are step 2b (retractHoldingValues).
// Parameters:
//   $prefix string — 'runId/'
// Grounds: nothing is silently overwritten, so a retracted overwrite is undone.
MATCH (n)-[:HAD_VALUE]->(v:PriorValue)
WHERE v.replacedBy STARTS WITH $prefix AND v.holder IS NULL
WITH n, v ORDER BY v.replacedAt
WITH n, v.property AS property, collect(v)[0] AS earliest
CALL (n, property, earliest) {
  OPTIONAL MATCH (n)-[:HAD_VALUE]->(later:PriorValue {property: property})
  WHERE later.holder IS NULL AND later.replacedAt > earliest.replacedAt AND NOT later.replacedBy STARTS WITH $prefix
  WITH n, property, earliest, later ORDER BY later.replacedAt LIMIT 1
  SET later.value = earliest.value
  WITH n, property, earliest, later WHERE later IS NULL
  SET n[property] = earliest.value
} IN TRANSACTIONS OF 5000 ROWS
