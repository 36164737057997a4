// Retracting a run, step 2b: where the run's shareholder rows replaced a holding's value (its
// ratio, amounts, the markers of its reading), the value it replaced becomes current again — the
// earliest one, if it replaced the same property more than once. When a later run replaced the
// value since, the later run's value stays current and the value the retracted run replaced is
// handed to the later run's history entry instead, so that retracting that run in turn goes back
// past both. A PriorValue without a value means the holding had none (SET to null removes it).
// Parameters:
//   $prefix string — 'runId/'
// Grounds: nothing is silently overwritten, so a retracted overwrite is undone (import/holdingHistory).
MATCH (c:Company)-[:HAD_VALUE]->(v:PriorValue)
WHERE v.replacedBy STARTS WITH $prefix AND v.holder IS NOT NULL
WITH c, v ORDER BY v.replacedAt
WITH c, v.holder AS holder, v.property AS property, collect(v)[0] AS earliest
CALL (c, holder, property, earliest) {
  OPTIONAL MATCH (c)-[:HAD_VALUE]->(later:PriorValue {holder: holder, property: property})
  WHERE later.replacedAt > earliest.replacedAt AND NOT later.replacedBy STARTS WITH $prefix
  WITH c, holder, property, earliest, later ORDER BY later.replacedAt LIMIT 1
  SET later.value = earliest.value
  WITH c, holder, property, earliest, later WHERE later IS NULL
  MATCH (c)<-[s:HOLDS_SHARES]-(h) WHERE h.key = holder
  SET s[property] = earliest.value
} IN TRANSACTIONS OF 5000 ROWS
