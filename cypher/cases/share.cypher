// Shares a case with a user: only its owner may, and only with an enabled investigator or
// regulator who is not the owner. Sharing again changes nothing.
// Rows: none when the case is not the caller's to share; else `shared` false when the user named
// may not hold the case (unknown, disabled, another role).
// Parameters:
//   $id string; $user string — the owner's name key; $with string — the name key of the user to share with
//   $roles list of string — the roles that may hold a case
// Grounds: issue 12, cases: shared with named users; only investigators and regulators hold cases.
MATCH (:User {nameKey: $user})<-[:CASE_OWNED_BY]-(c:Case {id: $id})
OPTIONAL MATCH (t:User {nameKey: $with})
WHERE t.role IN $roles AND NOT coalesce(t.disabled, false) AND t.nameKey <> $user
FOREACH (_ IN CASE WHEN t IS NULL THEN [] ELSE [1] END | MERGE (c)-[:CASE_SHARED_WITH]->(t))
RETURN t IS NOT NULL AS shared
