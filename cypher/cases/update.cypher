// Changes a case's title or description if the editor saw its current version (optimistic
// concurrency): the node's write lock is taken before the version is compared, so of two editors
// who loaded the same version exactly one saves and the other learns who did, never a silent
// overwrite. No row when the case is not the editor's to see.
// Parameters:
//   $id string; $user string — the editor's name key
//   $expectedVersion integer — the version the editor loaded
//   $title string or null, $description string or null — null leaves the value; $clearDescription boolean
//   $now integer — epoch milliseconds
// Grounds: issue 12, cases: CRUD with optimistic concurrency; Neo4j takes a node's write lock on
// the first write to it and holds it until commit (Operations Manual, "Locks and deadlocks").
MATCH (u:User {nameKey: $user})<-[:CASE_OWNED_BY|CASE_SHARED_WITH]-(c:Case {id: $id})
SET c._lock = true
WITH u, c, c.version = $expectedVersion AS current
FOREACH (_ IN CASE WHEN current THEN [1] ELSE [] END |
  SET c.title = coalesce($title, c.title),
      c.description = CASE WHEN $clearDescription THEN null ELSE coalesce($description, c.description) END,
      c.version = c.version + 1, c.updatedAt = $now, c.updatedBy = u.name)
REMOVE c._lock
RETURN current AS saved, c.version AS version, c.updatedBy AS updatedBy, c.updatedAt AS updatedAt
