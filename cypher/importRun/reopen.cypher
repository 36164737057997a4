// Marks an interrupted run as running again before --resume continues it.
// Parameters:
//   $id string — run id
// Grounds: an interrupted import can be resumed by its run.
MATCH (run:ImportRun {id: $id})
SET run.status = 'running', run.resumedAt = coalesce(run.resumedAt, []) + toString(datetime())
RETURN run.id AS id
