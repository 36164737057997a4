// Stamps an empty store with the model version of the code that applied the schema
// (cypher/run.ts applySchema): a store with nothing in it has nothing to migrate. A store that
// holds data but no ModelVersion node is left alone — it was written by older code (version 0) and
// must be migrated — and so is one already stamped.
// Parameters:
//   $version integer — the code's model version (model/graph.ts MODEL_VERSION)
//   $by string — the OS user applying the schema
// Grounds: migrations/modelVersion.ts; the constraint cypher/schema/024_model_version_id.
OPTIONAL MATCH (existing:ModelVersion {id: 'model'})
WITH existing
WHERE existing IS NULL AND NOT EXISTS { MATCH (n) WHERE NOT n:ModelVersion }
MERGE (v:ModelVersion {id: 'model'})
ON CREATE SET v.version = $version, v.appliedAt = datetime(),
              v.historyVersions = [$version], v.historyNames = ['new-store'],
              v.historyAt = [toString(datetime())], v.historyBy = [$by]
RETURN v.version AS version
