// Audit entries matching the auditor's filter, newest first, one page: by $offset, or after the
// previous page by $beforeSeq (that page's last seq). A null filter value matches every entry.
// Parameters: $from, $to (ISO times, from inclusive, to exclusive, or null), $actor (exact name
//   or null), $action, $outcome (or null), $operation (text the operation contains, any case, or
//   null), $beforeSeq (integer; for the first page one above every seq), $offset (integer),
//   $limit (integer).
// Grounds: `at` is stored as ISO 8601 UTC text of one length (audit/trail.ts), so text order is
//   time order. The range on seq lets the newest page be read backwards from the seq index and
//   stop at $limit, however long the trail.
MATCH (e:AuditEntry)
WHERE e.seq < $beforeSeq
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
ORDER BY seq DESC
SKIP $offset
LIMIT $limit
