// Removes the audit chain's head once no entry is left (after api/forgetLoad): a bulk-loaded
// province has no audit trail, and a kept one goes back to having none.
// Parameters: none.
MATCH (h:AuditHead)
WHERE NOT EXISTS { MATCH (:AuditEntry) }
DELETE h
