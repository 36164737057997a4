// Removes a report run's link from a case. No row when the case is not the user's to see.
// Parameters:
//   $caseId string; $runId string; $user string — the name key
// Grounds: issue 12, cases: links to report runs.
MATCH (:User {nameKey: $user})<-[:CASE_OWNED_BY|CASE_SHARED_WITH]-(c:Case {id: $caseId})
OPTIONAL MATCH (c)-[:LINKS_REPORT_RUN]->(l:CaseReportRun {runId: $runId})
DETACH DELETE l
RETURN count(l) AS removed
