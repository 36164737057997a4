// The import runs whose data the graph holds: every run not retracted (a failed or interrupted
// run keeps the rows it wrote), oldest first, with its files, tables and per-table counts, for the
// data sources of a report run.
// Parameters: none.
// Grounds: issue 13, report runs record "the data it ran on (the import runs present and their
// counts)"; DOMAIN.md §3 ImportRun (files and parts as importRun/start.cypher writes them).
MATCH (run:ImportRun)
WHERE coalesce(run.status, '') <> 'retracted'
RETURN run.id AS id, run.status AS status, run.startedAt AS startedAt, run.finishedAt AS finishedAt,
       coalesce(run.fileNames, []) AS fileNames, coalesce(run.fileHashes, []) AS fileHashes,
       coalesce(run.partFiles, []) AS partFiles, coalesce(run.partSheets, []) AS partSheets,
       coalesce(run.partKinds, []) AS partKinds,
       coalesce(run.partRead, []) AS partRead, coalesce(run.partWritten, []) AS partWritten,
       coalesce(run.partRejected, []) AS partRejected, coalesce(run.partFlagged, []) AS partFlagged
ORDER BY run.startedAt, run.id
