// The saved queries a reader may see (own, shared by name, shared with the reader's role), newest
// first, a page at a time (after the query last shown).
// Parameters:
//   $user string — the reader's name key; $role string — the reader's role
//   $readerRoles list of string — the roles that read reports at all (investigator, regulator, viewer:
//     sysadmins and auditors see no case data, not even their own queries should their role change)
//   $afterAt datetime or null, $afterId string or null — createdAt and id of the last query of the previous page
//   $limit integer — rows to return (one more than the page, to tell whether another follows)
// Grounds: issue 13, saved queries; cursor pagination (server/pagination.ts).
MATCH (q:SavedQuery)
WHERE ($role IN $readerRoles AND (q.ownerKey = $user OR $user IN q.sharedUsers OR $role IN q.sharedRoles))
  AND ($afterAt IS NULL OR q.createdAt < $afterAt OR (q.createdAt = $afterAt AND q.id > $afterId))
WITH q
ORDER BY q.createdAt DESC, q.id
LIMIT $limit
RETURN q.ownerKey = $user AS isOwner,
       q {.id, .title, .description, .analysis, .params, .caseId, .version, .createdAt, .updatedAt, .updatedBy,
          .sharedRoles, .scheduleKind, .scheduleCron, .scheduleTimezone, .nextRunAt,
          owner: COLLECT { MATCH (q)-[:SAVED_QUERY_OWNED_BY]->(o:User) RETURN o {.name, .displayName} }[0],
          sharedUsers: COLLECT { UNWIND q.sharedUsers AS key MATCH (s:User {nameKey: key}) RETURN s {.name, .displayName} ORDER BY key },
          lastRun: COLLECT { MATCH (r:ReportRun {queryId: q.id}) RETURN r {.id, .queryId, .number, .ranAt, .ranBy, .trigger, .findingCount, .exhaustive, .contentHash}
                             ORDER BY r.number DESC LIMIT 1 }[0]} AS query
