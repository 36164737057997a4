// Creates a group of audit entries, chained in order from the head, and moves the head to the
// last, in the transaction that locked and read the head (one statement for the group: a busy
// server chains many requests' entries per commit). Returns nothing if the head is no longer the
// one the first entry was chained from — which the lock rules out; the caller treats it as an
// error rather than fork the chain.
// Parameters: $entries (list of maps, in chain order: seq, at, actorName, actorVia, actorRole,
//   action, operation, outcome, address, params (canonical JSON text), reason, resultCount,
//   durationMs, detail, hmac), $first (the first entry's seq), $last (map: seq, hmac, at of the last).
// Grounds: audit/chain.ts computes the HMAC over exactly these stored values.
MATCH (h:AuditHead {id: 'chain'})
WHERE h.seq = $first - 1
UNWIND $entries AS entry
CREATE (e:AuditEntry)
SET e = entry
WITH h, count(e) AS created
SET h.seq = $last.seq, h.hmac = $last.hmac, h.at = $last.at
REMOVE h._lock
RETURN created
