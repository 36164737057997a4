// The next entries matching the auditor's filter in seq order (oldest first, as an archive reads),
// after $after, at most $limit: an export of any length is written a batch at a time.
// Parameters: $from, $to, $actor, $action, $outcome, $operation (or null), as in
//   audit/listEntries; $after (integer), $limit (integer).
// Grounds: the same conditions as audit/listEntries; seq is unique and indexed.
MATCH (e:AuditEntry)
WHERE e.seq > $after
  AND ($from IS NULL OR e.at >= $from)
  AND ($to IS NULL OR e.at < $to)
  AND ($actor IS NULL OR e.actorName = $actor)
  AND ($action IS NULL OR e.action = $action)
  AND ($outcome IS NULL OR e.outcome = $outcome)
  AND ($operation IS NULL OR toLower(e.operation) CONTAINS toLower($operation))
RETURN e.seq AS seq, e.at AS at, e.actorName AS actorName, e.actorVia AS actorVia, e.actorRole AS actorRole,
       e.action AS action, e.operation AS operation, e.outcome AS outcome, e.address AS address,
       e.params AS params, e.reason AS reason, e.resultCount AS resultCount, e.durationMs AS durationMs,
       e.detail AS detail, e.hmac AS hmac
ORDER BY seq
LIMIT $limit
