// The cases a user owns or is shared, newest first, a page at a time (after the case last shown).
// Parameters:
//   $user string — the reader's name key
//   $afterAt integer or null, $afterId string or null — the createdAt and id of the last case of the previous page
//   $limit integer — rows to return (one more than the page, to tell whether another follows)
// Grounds: issue 12, cases; cursor pagination (server/pagination.ts).
MATCH (:User {nameKey: $user})<-[:CASE_OWNED_BY|CASE_SHARED_WITH]-(c:Case)
WHERE $afterAt IS NULL OR c.createdAt < $afterAt OR (c.createdAt = $afterAt AND c.id > $afterId)
WITH DISTINCT c
ORDER BY c.createdAt DESC, c.id
LIMIT $limit
MATCH (c)-[:CASE_OWNED_BY]->(o:User)
RETURN c {.id, .title, .description, .version, .createdAt, .updatedAt, .updatedBy,
          owner: o {.name, .displayName},
          sharedWith: COLLECT { MATCH (c)-[:CASE_SHARED_WITH]->(s:User) RETURN s {.name, .displayName} ORDER BY s.nameKey }} AS case
