// The next entries of the chain in seq order, for verify to walk a chain of any length a batch at
// a time: those after $after up to the head verify started from ($until), at most $limit.
// Parameters: $after (integer), $until (integer), $limit (integer).
// Grounds: seq is unique and indexed (cypher/schema/061_audit_entry_seq), so the range is a seek.
MATCH (e:AuditEntry)
WHERE e.seq > $after AND e.seq <= $until
RETURN e.seq AS seq, e.at AS at, e.actorName AS actorName, e.actorVia AS actorVia, e.actorRole AS actorRole,
       e.action AS action, e.operation AS operation, e.outcome AS outcome, e.address AS address,
       e.params AS params, e.reason AS reason, e.resultCount AS resultCount, e.durationMs AS durationMs,
       e.detail AS detail, e.hmac AS hmac
ORDER BY seq
LIMIT $limit
