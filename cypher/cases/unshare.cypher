// Takes a user off a case: only its owner may. No row when the case is not the caller's to share.
// Parameters:
//   $id string; $user string — the owner's name key; $with string — the name key of the user to remove
// Grounds: issue 12, cases: the owner alone shares and unshares.
MATCH (:User {nameKey: $user})<-[:CASE_OWNED_BY]-(c:Case {id: $id})
OPTIONAL MATCH (c)-[s:CASE_SHARED_WITH]->(:User {nameKey: $with})
DELETE s
RETURN count(s) AS removed
