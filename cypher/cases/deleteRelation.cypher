// Deletes a hand-entered relation: its author or the case's owner may. Rows: none when the case is
// not the user's to see or has no such relation; else `deleted` false when the user may not.
// Parameters:
//   $caseId string; $id string — the relation; $user string — the name key
// Grounds: issue 12, cases: hand-entered relations with their author.
MATCH (u:User {nameKey: $user})<-[:CASE_OWNED_BY|CASE_SHARED_WITH]-(c:Case {id: $caseId})-[:HAS_CASE_RELATION]->(r:CaseRelation {id: $id})
WITH r, r.author = u.name OR c.owner = $user AS allowed
FOREACH (_ IN CASE WHEN allowed THEN [1] ELSE [] END | DETACH DELETE r)
RETURN allowed AS deleted
