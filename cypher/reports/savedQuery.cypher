// One saved query as a reader who may see it sees it: its owner, the users it is shared with by
// name, and every user of a role it is shared with (sysadmins and auditors never: they see no
// case data). No row for anyone else, so a stranger cannot tell a query that exists from one
// that does not. `isOwner` tells whether the reader may change it.
// Parameters:
//   $id string — the saved query; $user string — the reader's name key; $role string — the reader's role
//   $readerRoles list of string — the roles that read reports at all (investigator, regulator, viewer:
//     sysadmins and auditors see no case data, not even their own queries should their role change)
// Grounds: issue 13, saved queries are shared with a role or named users; only they and the owner see them.
MATCH (q:SavedQuery {id: $id})
WHERE $role IN $readerRoles AND (q.ownerKey = $user OR $user IN q.sharedUsers OR $role IN q.sharedRoles)
RETURN q.ownerKey = $user AS isOwner,
       q {.id, .title, .description, .analysis, .params, .caseId, .version, .createdAt, .updatedAt, .updatedBy,
          .sharedRoles, .scheduleKind, .scheduleCron, .scheduleTimezone, .nextRunAt,
          owner: COLLECT { MATCH (q)-[:SAVED_QUERY_OWNED_BY]->(o:User) RETURN o {.name, .displayName} }[0],
          sharedUsers: COLLECT { UNWIND q.sharedUsers AS key MATCH (s:User {nameKey: key}) RETURN s {.name, .displayName} ORDER BY key },
          lastRun: COLLECT { MATCH (r:ReportRun {queryId: q.id}) RETURN r {.id, .queryId, .number, .ranAt, .ranBy, .trigger, .findingCount, .exhaustive, .contentHash}
                             ORDER BY r.number DESC LIMIT 1 }[0]} AS query
