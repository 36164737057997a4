// Retracting a run: the holdings and roles its snapshot closed (passes/snapshotClose) are open
// again, with the end date they had before, if any.
// Parameters:
//   $runId string — the run retracted
// Grounds: retracting a run undoes what it did; a closure is something a snapshot run did.
MATCH ()-[r:HOLDS_SHARES|OFFICER_OF|LEGAL_REPRESENTATIVE_OF]->()
WHERE r.closedBy = $runId
CALL (r) {
  SET r.validTo = r.validToBefore
  REMOVE r.validToBefore, r.closedBy, r.closedAt
} IN TRANSACTIONS OF 5000 ROWS
