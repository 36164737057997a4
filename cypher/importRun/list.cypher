// Import runs, newest first, one page: what the API's importRuns lists (server/uploads/imports.ts).
// Parameters:
//   $offset integer — runs to skip; $limit integer — runs to return
// Grounds: DOMAIN.md §3 ImportRun; every run stays on record, retracted ones too (留痕).
MATCH (run:ImportRun)
RETURN run {.*} AS run
ORDER BY run.startedAt DESC, run.id DESC
SKIP $offset
LIMIT $limit
