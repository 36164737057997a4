// Retracting a run, step 1: removes the run's provenance entries from relationships and deletes
// the relationships no other run asserts. Batched, as a run may have written millions.
// Parameters:
//   $prefix string — 'runId/', the start of every provenance entry of the run
// Grounds: `chuantou import --retract RUN` removes what a run wrote that no other run also asserts.
MATCH ()-[r]->()
WHERE any(e IN r.provenance WHERE e STARTS WITH $prefix)
CALL (r) {
  SET r.provenance = [e IN r.provenance WHERE NOT e STARTS WITH $prefix]
  WITH r WHERE size(r.provenance) = 0
  DELETE r
} IN TRANSACTIONS OF 5000 ROWS
