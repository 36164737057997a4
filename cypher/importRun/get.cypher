// One import run as recorded: its files, parts, checkpoints and counts (for --resume and reports).
// Parameters:
//   $id string — run id
// Grounds: DOMAIN.md §3 ImportRun.
MATCH (run:ImportRun {id: $id})
RETURN run {.*} AS run
