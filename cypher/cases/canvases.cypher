// The canvases of a case without their content, oldest first, a page at a time (ordered by
// creation, so saving a canvas does not move it between pages). No row when the case is not the
// user's to see.
// Parameters:
//   $caseId string; $user string — the reader's name key
//   $afterAt integer or null, $afterId string or null — createdAt and id of the last canvas shown
//   $limit integer — one more than the page
// Grounds: issue 12, cases; cursor pagination (server/pagination.ts).
MATCH (:User {nameKey: $user})<-[:CASE_OWNED_BY|CASE_SHARED_WITH]-(c:Case {id: $caseId})-[:HAS_CASE_CANVAS]->(v:CaseCanvas)
WHERE $afterAt IS NULL OR v.createdAt > $afterAt OR (v.createdAt = $afterAt AND v.id > $afterId)
RETURN v {.id, .title, .elements, .version, .createdAt, .createdBy, .updatedAt, .updatedBy} AS canvas
ORDER BY v.createdAt, v.id
LIMIT $limit
