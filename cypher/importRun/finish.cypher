// Closes an import run with its outcome and totals.
// Parameters:
//   $id string; $status 'completed' | 'failed'; $error string or null
// Grounds: DOMAIN.md §3 ImportRun.
MATCH (run:ImportRun {id: $id})
SET run.status = $status, run.finishedAt = datetime(), run.error = $error,
    run.rowsRead = reduce(t = 0, n IN run.partRead | t + n),
    run.rowsWritten = reduce(t = 0, n IN run.partWritten | t + n),
    run.rowsRejected = reduce(t = 0, n IN run.partRejected | t + n),
    run.rowsFlagged = reduce(t = 0, n IN run.partFlagged | t + n)
RETURN run.id AS id
