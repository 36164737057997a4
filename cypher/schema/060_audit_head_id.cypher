// One head of the audit chain: the first appends of two processes at once MERGE the same node
// (audit/lockHead), never two heads from which two chains would grow.
CREATE CONSTRAINT audit_head_id IF NOT EXISTS FOR (h:AuditHead) REQUIRE h.id IS UNIQUE
