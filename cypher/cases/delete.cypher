// Deletes a case with its canvases, notes, hand-entered relations and report links: only its owner
// may. No row when the user is not the owner (or there is no such case).
// Parameters:
//   $id string; $user string — the owner's name key
// Grounds: issue 12, cases: the owner alone deletes.
MATCH (:User {nameKey: $user})<-[:CASE_OWNED_BY]-(c:Case {id: $id})
OPTIONAL MATCH (c)-[:HAS_CASE_CANVAS|HAS_CASE_NOTE|HAS_CASE_RELATION|LINKS_REPORT_RUN]->(item)
WITH c, collect(item) AS items
FOREACH (i IN items | DETACH DELETE i)
DETACH DELETE c
RETURN $id AS id
