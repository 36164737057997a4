// Removes what the API load benchmark wrote into a kept province (its users, their sessions, the
// audit entries of their requests and sign-ins), so that every run starts from the store as
// bulk-loaded and an aborted run's users do not stop the next one from creating them.
// Parameters: $prefix string — the benchmark users' name prefix, lower-case (their nameKey).
// Run in an implicit transaction (CALL … IN TRANSACTIONS): a 100k run leaves tens of thousands of entries.
CALL () {
  MATCH (e:AuditEntry) WHERE e.actorName STARTS WITH $prefix RETURN e AS n
  UNION
  MATCH (s:Session) WHERE s.user STARTS WITH $prefix RETURN s AS n
  UNION
  MATCH (u:User) WHERE u.nameKey STARTS WITH $prefix RETURN u AS n
}
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
