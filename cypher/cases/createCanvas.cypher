// Saves a new canvas in a case, at version 1. No row when the case is not the user's to see.
// Parameters:
//   $caseId string; $id string — a random UUID; $user string — the author's name key
//   $title string; $content string — the canvas as JSON (cases/canvas.ts, checked and capped)
//   $elements integer — nodes plus edges, for lists that do not load the content
//   $now integer — epoch milliseconds
// Grounds: issue 12, cases: saved canvases.
MATCH (u:User {nameKey: $user})<-[:CASE_OWNED_BY|CASE_SHARED_WITH]-(c:Case {id: $caseId})
CREATE (c)-[:HAS_CASE_CANVAS]->(v:CaseCanvas {id: $id, caseId: $caseId, title: $title, content: $content, elements: $elements,
                                            version: 1, createdAt: $now, createdBy: u.name, updatedAt: $now, updatedBy: u.name})
RETURN v {.id, .title, .elements, .version, .createdAt, .createdBy, .updatedAt, .updatedBy} AS canvas
