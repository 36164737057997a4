// Moves a run's checkpoint for one part to the last row of a batch, in the same transaction as
// the batch: after a crash the checkpoint names exactly the rows that are in the database, and
// --resume starts after it.
// Parameters:
//   $id string — run id; $part integer — index of the part; $row integer — last row written;
//   $read, $written, $rejected, $flagged integers — the part's counts so far
// Grounds: an interrupted import can be resumed without duplicates or lost rows.
MATCH (run:ImportRun {id: $id})
// range(…) inline in each item: a WITH in between would read the run before the SET, an Eager.
SET run.checkpoints = [i IN range(0, size(run.checkpoints) - 1) | CASE WHEN i = $part THEN $row ELSE run.checkpoints[i] END],
    run.partRead = [i IN range(0, size(run.checkpoints) - 1) | CASE WHEN i = $part THEN $read ELSE run.partRead[i] END],
    run.partWritten = [i IN range(0, size(run.checkpoints) - 1) | CASE WHEN i = $part THEN $written ELSE run.partWritten[i] END],
    run.partRejected = [i IN range(0, size(run.checkpoints) - 1) | CASE WHEN i = $part THEN $rejected ELSE run.partRejected[i] END],
    run.partFlagged = [i IN range(0, size(run.checkpoints) - 1) | CASE WHEN i = $part THEN $flagged ELSE run.partFlagged[i] END],
    run.heartbeatAt = datetime()
