// The hand-entered relations of a case, oldest first, a page at a time; with $keys, only those
// touching one of them. No row when the case is not the user's to see.
// Parameters:
//   $caseId string; $user string — the reader's name key
//   $keys list of string or null — parties' keys as stored (null: all relations)
//   $afterAt integer or null, $afterId string or null — createdAt and id of the last relation shown
//   $limit integer — one more than the page
// Grounds: issue 12, cases; cursor pagination (server/pagination.ts).
MATCH (:User {nameKey: $user})<-[:CASE_OWNED_BY|CASE_SHARED_WITH]-(c:Case {id: $caseId})-[:HAS_CASE_RELATION]->(r:CaseRelation)
WHERE ($keys IS NULL OR r.fromKey IN $keys OR r.toKey IN $keys)
  AND ($afterAt IS NULL OR r.createdAt > $afterAt OR (r.createdAt = $afterAt AND r.id > $afterId))
RETURN r {.id, .fromKey, .toKey, .kind, .text, .informant, .document, .sourceReliability, .informationAssessment, .author, .createdAt} AS relation
ORDER BY r.createdAt, r.id
LIMIT $limit
