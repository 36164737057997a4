// The chain head: the seq, HMAC and time of the last entry appended (seq 0 and an empty HMAC
// before the first). Read by an append after audit/lockHead, by verify and by report footers.
// Parameters: none.
// Grounds: audit/appendEntry moves the head in the transaction that creates the entry.
MATCH (h:AuditHead {id: 'chain'})
RETURN h.seq AS seq, h.hmac AS hmac, h.at AS at
