// Retracting a run, step 3: deletes the history entries the run created by replacing values.
// Parameters:
//   $prefix string — 'runId/'
// Grounds: the replaced values are current again (step 2).
MATCH (v:PriorValue)
WHERE v.replacedBy STARTS WITH $prefix
CALL (v) { DETACH DELETE v } IN TRANSACTIONS OF 5000 ROWS
