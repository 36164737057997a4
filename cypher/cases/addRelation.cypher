// Records a hand-entered relation in a case: the two parties by key, kept as properties, with no
// relationship to any imported node, so the analyses (which walk imported relationships) never see
// it. No row when the case is not the user's to see.
// Parameters:
//   $caseId string; $id string — a random UUID; $user string — the author's name key
//   $relation map — fromKey, toKey, kind, text, informant, document, sourceReliability, informationAssessment
//   $now integer — epoch milliseconds
// Grounds: issue 12, cases: hand-entered relations with their source and a reliability grade
// (4×4, cases/caseRelations.ts), stored apart from imported data, with author and time.
MATCH (u:User {nameKey: $user})<-[:CASE_OWNED_BY|CASE_SHARED_WITH]-(c:Case {id: $caseId})
CREATE (c)-[:HAS_CASE_RELATION]->(r:CaseRelation {id: $id, caseId: $caseId, author: u.name, createdAt: $now})
SET r += $relation
RETURN r {.id, .fromKey, .toKey, .kind, .text, .informant, .document, .sourceReliability, .informationAssessment, .author, .createdAt} AS relation
