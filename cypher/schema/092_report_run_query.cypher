// A query's runs are listed by number and the next number is the highest plus one
// (cypher/reports/nextRunNumber.cypher): an index on (queryId, number) answers both without
// reading every run.
CREATE INDEX report_run_query IF NOT EXISTS FOR (r:ReportRun) ON (r.queryId, r.number)
