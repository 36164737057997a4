// The data-model version the store holds (migrations/modelVersion.ts): the ModelVersion node's
// version and history, and whether the store holds anything else. A store with data and no
// ModelVersion node was written before versions were recorded: version 0.
// Parameters: none.
OPTIONAL MATCH (v:ModelVersion {id: 'model'})
RETURN v.version AS version,
       v.appliedAt AS appliedAt,
       coalesce(v.historyVersions, []) AS historyVersions,
       coalesce(v.historyNames, []) AS historyNames,
       coalesce(v.historyAt, []) AS historyAt,
       coalesce(v.historyBy, []) AS historyBy,
       EXISTS { MATCH (n) WHERE NOT n:ModelVersion } AS hasData
