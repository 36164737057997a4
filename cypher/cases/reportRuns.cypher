// The report runs linked to a case, newest link first, a page at a time, each with the saved query
// it is a run of (null for a run the store no longer has), so that the case links to it. No row
// when the case is not the user's to see.
// Parameters:
//   $caseId string; $user string — the reader's name key
//   $afterAt integer or null, $afterId string or null — linkedAt and runId of the last link shown
//   $limit integer — one more than the page
// Grounds: issue 12, cases; cursor pagination (server/pagination.ts).
MATCH (:User {nameKey: $user})<-[:CASE_OWNED_BY|CASE_SHARED_WITH]-(c:Case {id: $caseId})-[:LINKS_REPORT_RUN]->(l:CaseReportRun)
WHERE $afterAt IS NULL OR l.linkedAt < $afterAt OR (l.linkedAt = $afterAt AND l.runId > $afterId)
OPTIONAL MATCH (r:ReportRun {id: l.runId})
RETURN l {.runId, .title, .linkedAt, .linkedBy, queryId: r.queryId} AS link
ORDER BY l.linkedAt DESC, l.runId
LIMIT $limit
