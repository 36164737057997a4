// Records the start of an import run; every provenance entry the run writes names its id.
// Parameters:
//   $id string — run id
//   $files list of maps {fileNo, path, name, sha256, bytes, format, encoding}
//   $parts list of maps {fileNo, sheet, kind} — the tables imported, in order; checkpoints and
//     counts below are kept per part, in this order
//   $options string — the import options as JSON (kind, mapping, encoding, source), so --resume
//     reads the files exactly as the interrupted run did
//   $user string — who ran it (OS user or API user)
//   $rejectsFile string — where the run's rejected and flagged rows are listed
// Grounds: DOMAIN.md §3 ImportRun; work must leave a trace (留痕).
CREATE (run:ImportRun {
  id: $id, status: 'running', startedAt: datetime(), user: $user, options: $options, rejectsFile: $rejectsFile,
  files: [f IN $files | f.path], fileNames: [f IN $files | f.name], fileHashes: [f IN $files | f.sha256],
  fileBytes: [f IN $files | f.bytes], fileFormats: [f IN $files | f.format], fileEncodings: [f IN $files | coalesce(f.encoding, '')],
  partFiles: [p IN $parts | p.fileNo], partSheets: [p IN $parts | coalesce(p.sheet, '')], partKinds: [p IN $parts | p.kind],
  checkpoints: [p IN $parts | 1], partRead: [p IN $parts | 0], partWritten: [p IN $parts | 0],
  partRejected: [p IN $parts | 0], partFlagged: [p IN $parts | 0]
})
RETURN run.id AS id
