// One canvas of a case with its content (JSON). No row when the case is not the user's to see.
// Parameters:
//   $caseId string; $id string — the canvas; $user string — the reader's name key
// Grounds: issue 12, cases: saved canvases.
MATCH (:User {nameKey: $user})<-[:CASE_OWNED_BY|CASE_SHARED_WITH]-(c:Case {id: $caseId})-[:HAS_CASE_CANVAS]->(v:CaseCanvas {id: $id})
RETURN v {.id, .title, .content, .elements, .version, .createdAt, .createdBy, .updatedAt, .updatedBy} AS canvas
