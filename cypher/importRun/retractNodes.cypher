// Retracting a run, step 4: removes the run's provenance entries from nodes and deletes the nodes
// no other run asserts, with their value history.
// Parameters:
//   $prefix string — 'runId/'
// Grounds: `chuantou import --retract RUN`.
MATCH (n)
WHERE any(e IN n.provenance WHERE e STARTS WITH $prefix)
CALL (n) {
  SET n.provenance = [e IN n.provenance WHERE NOT e STARTS WITH $prefix]
  WITH n WHERE size(n.provenance) = 0
  OPTIONAL MATCH (n)-[:HAD_VALUE]->(v:PriorValue)
  DETACH DELETE v, n
} IN TRANSACTIONS OF 5000 ROWS
