// How many audit entries match the auditor's filter (the total behind a page of audit/listEntries).
// Parameters: $from, $to (ISO times or null), $actor, $action, $outcome, $operation (or null), as
//   in audit/listEntries.
// Grounds: the same conditions as audit/listEntries.
MATCH (e:AuditEntry)
WHERE ($from IS NULL OR e.at >= $from)
  AND ($to IS NULL OR e.at < $to)
  AND ($actor IS NULL OR e.actorName = $actor)
  AND ($action IS NULL OR e.action = $action)
  AND ($outcome IS NULL OR e.outcome = $outcome)
  AND ($operation IS NULL OR toLower(e.operation) CONTAINS toLower($operation))
RETURN count(e) AS entries
