// The saved queries a reader may see (own, shared by name, shared with the reader's role), newest
// first, a page at a time (after the query last shown).
// Parameters:
//   $user string — the reader's name key; $role string — the reader's role
//   $readerRoles list of string — the roles that read reports at all (investigator, regulator, viewer:
//     sysadmins and auditors see no case data, not even their own queries should their role change)
//   $afterAt datetime or null, $afterId string or null — createdAt and id of the last query of the previous page
//   $limit integer — rows to return (one more than the page, to tell whether another follows)
//   $text string or null — lower-case words the title or description must contain
//   $analysis string or null — only this analysis' queries
//   $mine boolean or null — true: only the reader's own; false: only those shared with them
//   $watched boolean — only the queries with a schedule
// Grounds: issue 13, saved queries; cursor pagination (server/pagination.ts), the filters before
//   the page so that a match on a later page is not missed.
MATCH (q:SavedQuery)
WHERE ($role IN $readerRoles AND (q.ownerKey = $user OR $user IN q.sharedUsers OR $role IN q.sharedRoles))
  AND ($text IS NULL OR toLower(q.title + ' ' + coalesce(q.description, '')) CONTAINS $text)
  AND ($analysis IS NULL OR q.analysis = $analysis)
  AND ($mine IS NULL OR (q.ownerKey = $user) = $mine)
  AND (NOT $watched OR q.scheduleKind IS NOT NULL)
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
