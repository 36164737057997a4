// One report run with its stored document, for a reader who may see it: whoever the run belongs
// to (ownerKey), or a reader who may see its saved query. No row for anyone else.
// Parameters:
//   $id string — the run; $user string — the reader's name key; $role string — the reader's role
//   $readerRoles list of string — the roles that read reports at all (investigator, regulator, viewer:
//     sysadmins and auditors see no case data, not even their own queries should their role change)
// Grounds: issue 13, "a run opens as it was, whatever changed since"; shared queries' runs are
// read by those they are shared with.
MATCH (r:ReportRun {id: $id})
OPTIONAL MATCH (q:SavedQuery {id: r.queryId})
WITH r, q
WHERE $role IN $readerRoles
  AND (r.ownerKey = $user OR (q IS NOT NULL AND (q.ownerKey = $user OR $user IN q.sharedUsers OR $role IN q.sharedRoles)))
RETURN r {.id, .queryId, .number, .ranAt, .ranBy, .trigger, .findingCount, .exhaustive, .contentHash} AS run, r.content AS content
