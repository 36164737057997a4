// Changes a saved query if its owner saw its current version (optimistic concurrency): the node's
// write lock is taken before the version is compared, so of two edits made on one version exactly
// one is saved and the other learns who changed it. No row when the query is not the user's own.
// Parameters:
//   $id string; $user string — the owner's name key
//   $expectedVersion integer — the version the owner loaded
//   $title string or null, $analysis string or null, $params string (JSON) or null, $description
//   string or null, $caseId string or null — null leaves the value
//   $clearDescription boolean, $clearCaseId boolean — remove the value
// Grounds: issue 13, saved queries (only the owner edits); Neo4j takes a node's write lock on the
// first write to it and holds it until commit (Operations Manual, "Locks and deadlocks").
MATCH (q:SavedQuery {id: $id})-[:SAVED_QUERY_OWNED_BY]->(u:User {nameKey: $user})
SET q._lock = true
WITH u, q, q.version = $expectedVersion AS current
FOREACH (_ IN CASE WHEN current THEN [1] ELSE [] END |
  SET q.title = coalesce($title, q.title),
      q.analysis = coalesce($analysis, q.analysis),
      q.params = coalesce($params, q.params),
      q.description = CASE WHEN $clearDescription THEN null ELSE coalesce($description, q.description) END,
      q.caseId = CASE WHEN $clearCaseId THEN null ELSE coalesce($caseId, q.caseId) END,
      q.version = q.version + 1, q.updatedAt = datetime(), q.updatedBy = u.name)
REMOVE q._lock
RETURN current AS saved, q.version AS version, q.updatedBy AS updatedBy, q.updatedAt AS updatedAt
