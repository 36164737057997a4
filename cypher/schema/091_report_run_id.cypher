// A report run (reports/runs.ts) is found by its random id — cases link runs by it — and two never share one.
CREATE CONSTRAINT report_run_id IF NOT EXISTS FOR (r:ReportRun) REQUIRE r.id IS UNIQUE
