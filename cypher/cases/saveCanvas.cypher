// Saves a canvas over the version the editor loaded (optimistic concurrency): the canvas's write
// lock is taken before its version is compared, so of two users who loaded version n exactly one
// writes n + 1 and the other gets `saved` false with who saved and when — no read-then-write race,
// no silent overwrite. No row when the canvas is not the user's to see.
// Parameters:
//   $caseId string; $id string — the canvas; $user string — the editor's name key
//   $expectedVersion integer — the version the editor loaded
//   $title string or null — null keeps the title; $content string — the canvas as JSON; $elements integer
//   $now integer — epoch milliseconds
// Grounds: issue 12, cases: two users editing one canvas do not silently overwrite each other;
// Neo4j holds a node's write lock from the first write to it until commit (Operations Manual,
// "Locks and deadlocks"), and reads under it see the last committed value.
MATCH (u:User {nameKey: $user})<-[:CASE_OWNED_BY|CASE_SHARED_WITH]-(c:Case {id: $caseId})-[:HAS_CASE_CANVAS]->(v:CaseCanvas {id: $id})
SET v._lock = true
WITH u, v, v.version = $expectedVersion AS current
FOREACH (_ IN CASE WHEN current THEN [1] ELSE [] END |
  SET v.title = coalesce($title, v.title), v.content = $content, v.elements = $elements,
      v.version = v.version + 1, v.updatedAt = $now, v.updatedBy = u.name)
REMOVE v._lock
RETURN current AS saved,
       v {.id, .title, .elements, .version, .createdAt, .createdBy, .updatedAt, .updatedBy} AS canvas
