// The chain head: the seq, HMAC and time of the last entry appended (seq 0 and an empty HMAC
// before the first). Read by verify and by report footers (an append reads it with audit/lockHead).
// Parameters: none.
// Grounds: audit/appendEntries moves the head in the transaction that creates the entry.
MATCH (h:AuditHead {id: 'chain'})
RETURN h.seq AS seq, h.hmac AS hmac, h.at AS at
