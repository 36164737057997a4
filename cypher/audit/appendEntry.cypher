// Creates one audit entry and moves the head to it, in the transaction that locked and read the
// head. Returns nothing if the head is no longer the one the entry was chained from — which the
// lock rules out; the caller treats it as an error rather than fork the chain.
// Parameters: $entry (map: seq, at, actorName, actorVia, actorRole, action, operation, outcome,
//   address, params (canonical JSON text), reason, resultCount, durationMs, detail, hmac).
// Grounds: audit/chain.ts computes the HMAC over exactly these stored values.
MATCH (h:AuditHead {id: 'chain'})
WHERE h.seq = $entry.seq - 1
CREATE (e:AuditEntry)
SET e = $entry
SET h.seq = $entry.seq, h.hmac = $entry.hmac, h.at = $entry.at
REMOVE h._lock
RETURN e.seq AS seq
