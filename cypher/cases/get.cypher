// One case as its owner or a user it is shared with sees it: no row for anyone else, so a
// stranger cannot tell a case that exists from one that does not.
// Parameters:
//   $id string — the case; $user string — the reader's name key
// Grounds: issue 12, cases: only the owner and the users it is shared with see a case.
MATCH (:User {nameKey: $user})<-[:CASE_OWNED_BY|CASE_SHARED_WITH]-(c:Case {id: $id})
MATCH (c)-[:CASE_OWNED_BY]->(o:User)
RETURN c {.id, .title, .description, .version, .createdAt, .updatedAt, .updatedBy,
          owner: o {.name, .displayName},
          sharedWith: COLLECT { MATCH (c)-[:CASE_SHARED_WITH]->(s:User) RETURN s {.name, .displayName} ORDER BY s.nameKey }} AS case
