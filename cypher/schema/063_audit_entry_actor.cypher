// The auditor filters the trail by who acted.
CREATE INDEX audit_entry_actor IF NOT EXISTS FOR (e:AuditEntry) ON (e.actorName)
