// Links a report run to a case by its id, with the title it had, who linked it and when. Linking
// the same run again updates its title. No row when the case is not the user's to see.
// Parameters:
//   $caseId string; $runId string; $title string; $user string — the name key; $now integer — epoch ms
// Grounds: issue 12, cases: links to report runs; the link names the run's saved query (reportRuns).
MATCH (u:User {nameKey: $user})<-[:CASE_OWNED_BY|CASE_SHARED_WITH]-(c:Case {id: $caseId})
MERGE (c)-[:LINKS_REPORT_RUN]->(l:CaseReportRun {runId: $runId})
  ON CREATE SET l.caseId = $caseId, l.linkedAt = $now, l.linkedBy = u.name
SET l.title = $title
WITH l
OPTIONAL MATCH (r:ReportRun {id: l.runId})
RETURN l {.runId, .title, .linkedAt, .linkedBy, queryId: r.queryId} AS link
