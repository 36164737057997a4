// The import runs that provenance entries name ('runId/fileNo:row'), with what decodes an entry:
// the run's files (names, SHA-256) and tables (file number, sheet, record kind), its status and time.
// Parameters:
//   $ids list of string — run ids
// Grounds: DOMAIN.md §3 — every fact keeps its source file and hash, sheet, row, import run, time;
//   the entries stay short and the file details live once on the ImportRun (model/graph.ts).
UNWIND $ids AS id
MATCH (run:ImportRun {id: id})
RETURN run.id AS id, run.status AS status, run.startedAt AS startedAt, run.finishedAt AS finishedAt,
       coalesce(run.fileNames, []) AS fileNames, coalesce(run.fileHashes, []) AS fileHashes,
       coalesce(run.partFiles, []) AS partFiles, coalesce(run.partSheets, []) AS partSheets,
       coalesce(run.partKinds, []) AS partKinds
