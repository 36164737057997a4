// Deletes a canvas if the user saw its current version: a canvas saved by someone else since is
// not deleted from under them (`deleted` false, with who saved it). No row when the canvas is not
// the user's to see.
// Parameters:
//   $caseId string; $id string — the canvas; $user string — the name key; $expectedVersion integer
// Grounds: issue 12, cases: optimistic concurrency on every change of a canvas.
MATCH (:User {nameKey: $user})<-[:CASE_OWNED_BY|CASE_SHARED_WITH]-(c:Case {id: $caseId})-[:HAS_CASE_CANVAS]->(v:CaseCanvas {id: $id})
SET v._lock = true
WITH v, v.version = $expectedVersion AS current, v {.version, .updatedBy, .updatedAt} AS seen
FOREACH (_ IN CASE WHEN current THEN [1] ELSE [] END | DETACH DELETE v)
FOREACH (_ IN CASE WHEN current THEN [] ELSE [1] END | REMOVE v._lock)
RETURN current AS deleted, seen.version AS version, seen.updatedBy AS updatedBy, seen.updatedAt AS updatedAt
