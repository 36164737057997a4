// Closes an import run with its outcome and counts.
// Parameters:
//   $id string; $status 'completed' | 'failed'; $read, $written, $rejected integers;
//   $rejectsFile string or null; $error string or null
// Grounds: DOMAIN.md §3 ImportRun.
MATCH (run:ImportRun {id: $id})
SET run.status = $status, run.finishedAt = datetime(), run.rowsRead = $read, run.rowsWritten = $written,
    run.rowsRejected = $rejected, run.rejectsFile = $rejectsFile, run.error = $error
RETURN run.id AS id
