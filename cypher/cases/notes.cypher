// The notes of a case, newest first, a page at a time. No row when the case is not the user's to see.
// Parameters:
//   $caseId string; $user string — the reader's name key
//   $afterAt integer or null — the number of the last note shown (numbers are unique in a case)
//   $limit integer — one more than the page
// Grounds: issue 12, cases; cursor pagination (server/pagination.ts).
MATCH (:User {nameKey: $user})<-[:CASE_OWNED_BY|CASE_SHARED_WITH]-(c:Case {id: $caseId})-[:HAS_CASE_NOTE]->(n:CaseNote)
WHERE $afterAt IS NULL OR n.number < $afterAt
RETURN n {.id, .number, .text, .author, .createdAt} AS note
ORDER BY n.number DESC
LIMIT $limit
