// Stamps a store that the current code has just filled from nothing with the code's model version:
// a bulk load writes the store with neo4j-admin before any schema is applied, so it already holds
// data when stampNewStore would run. Recorded as a new store, as an online load into an empty
// database is (the two give the same graph). A store already stamped is left alone.
// Parameters:
//   $version integer — the code's model version (model/graph.ts MODEL_VERSION)
//   $by string — the OS user
// Grounds: migrations/modelVersion.ts; importers/bulk/bulkLoad.ts loads only into an empty store.
MERGE (v:ModelVersion {id: 'model'})
ON CREATE SET v.version = $version, v.appliedAt = datetime(),
              v.historyVersions = [$version], v.historyNames = ['new-store'],
              v.historyAt = [toString(datetime())], v.historyBy = [$by]
RETURN v.version AS version
