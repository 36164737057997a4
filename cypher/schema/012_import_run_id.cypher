// One ImportRun per run id: provenance entries name the run, so the id must be unique.
CREATE CONSTRAINT import_run_id IF NOT EXISTS FOR (r:ImportRun) REQUIRE r.id IS UNIQUE
