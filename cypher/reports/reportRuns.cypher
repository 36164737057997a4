// The runs of a saved query the reader may see (the query's owner, users it is shared with by
// name or role), newest first, a page at a time; the documents stay behind (reportRun.cypher
// opens one). No row when the query is not the reader's to see.
// Parameters:
//   $queryId string; $user string — the reader's name key; $role string — the reader's role
//   $readerRoles list of string — the roles that read reports at all (investigator, regulator, viewer:
//     sysadmins and auditors see no case data, not even their own queries should their role change)
//   $afterNumber integer or null — the number of the last run of the previous page
//   $limit integer — rows to return (one more than the page)
// Grounds: issue 13, "runs are listed per query"; cursor pagination (server/pagination.ts).
MATCH (q:SavedQuery {id: $queryId})
WHERE $role IN $readerRoles AND (q.ownerKey = $user OR $user IN q.sharedUsers OR $role IN q.sharedRoles)
MATCH (r:ReportRun {queryId: q.id})
WHERE $afterNumber IS NULL OR r.number < $afterNumber
RETURN r {.id, .queryId, .number, .ranAt, .ranBy, .trigger, .findingCount, .exhaustive, .contentHash} AS run
ORDER BY r.number DESC
LIMIT $limit
