// Takes the write lock on the chain's one head node (made on the first append) and reads the head
// under it: every append, from any process, reads the head only once the appends before it have
// committed, so two appends never get the same seq or chain from the same HMAC (no fork). The
// property set here is removed by audit/appendEntries in the same transaction: it is only the lock.
// Parameters: none.
// Grounds: Neo4j takes a node's write lock on the first write to it and holds it until commit
// (Operations Manual, "Locks and deadlocks"), and reads committed data (no snapshot), so the
// head's properties read after the SET are those of the last append committed; the unique id
// (cypher/schema/060_audit_head_id) keeps two first appends from making two heads.
MERGE (h:AuditHead {id: 'chain'})
  ON CREATE SET h.seq = 0, h.hmac = '', h.at = null
SET h._lock = true
WITH h
RETURN h.seq AS seq, h.hmac AS hmac
