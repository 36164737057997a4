// One ModelVersion node: the store's data-model version (migrations/). Stamping a new store and
// recording a migration both MERGE it by id, so two processes at once cannot make two.
CREATE CONSTRAINT model_version_id IF NOT EXISTS FOR (v:ModelVersion) REQUIRE v.id IS UNIQUE
