// Records one migration step: the store moves from version $from to $version, and the step joins
// the history. Only when the store is still at $from (a store without a ModelVersion node is at
// 0): of two `db migrate` run at once, the second finds no row here and stops.
// Parameters:
//   $from integer — the version the step starts from
//   $version integer — the version it reaches
//   $name string — the migration's name (migrations/index.ts)
//   $by string — the OS user running it
// Grounds: migrations/modelVersion.ts.
MERGE (v:ModelVersion {id: 'model'})
ON CREATE SET v.version = 0, v.appliedAt = datetime()
// Writing the node takes its lock before the version is read: a second migrate waits here, then
// reads the version the first one committed.
SET v.appliedAt = v.appliedAt
WITH v
WHERE v.version = $from
SET v.version = $version, v.appliedAt = datetime(),
    v.historyVersions = coalesce(v.historyVersions, []) + $version,
    v.historyNames = coalesce(v.historyNames, []) + $name,
    v.historyAt = coalesce(v.historyAt, []) + toString(datetime()),
    v.historyBy = coalesce(v.historyBy, []) + $by
RETURN v.version AS version
