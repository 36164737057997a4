// Records the start of an import run; every provenance entry the run writes names its id.
// Parameters:
//   $id string — run id; $files list of maps {fileNo, path, name, sha256, bytes, kind, encoding}
//   $user string — who ran it (OS user or API user)
// Grounds: DOMAIN.md §3 ImportRun; work must leave a trace (留痕).
CREATE (run:ImportRun {id: $id, status: 'running', startedAt: datetime(), user: $user,
                       files: [f IN $files | f.path], fileHashes: [f IN $files | f.sha256],
                       fileKinds: [f IN $files | f.kind], fileEncodings: [f IN $files | f.encoding]})
RETURN run.id AS id
