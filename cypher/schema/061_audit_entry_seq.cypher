// One audit entry per place in the chain, a second guard beside the head's lock; also the index
// verify walks and the list pages by.
CREATE CONSTRAINT audit_entry_seq IF NOT EXISTS FOR (e:AuditEntry) REQUIRE e.seq IS UNIQUE
