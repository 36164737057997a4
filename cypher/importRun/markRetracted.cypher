// Retracting a run, last step: the run stays on record, marked retracted, so the trail shows it.
// Parameters:
//   $id string — run id; $user string — who retracted it
// Grounds: work must leave a trace (留痕).
MATCH (run:ImportRun {id: $id})
SET run.status = 'retracted', run.retractedAt = datetime(), run.retractedBy = $user
RETURN run.id AS id
