// Whose a saved query is: the owner's account name and role, so that the watch scheduler reads the
// query as its owner would. No row when there is no such query.
// Parameters:
//   $id string — the saved query
// Grounds: issue 13, watches re-run a saved query on its owner's behalf.
MATCH (q:SavedQuery {id: $id})
OPTIONAL MATCH (q)-[:SAVED_QUERY_OWNED_BY]->(o:User)
RETURN o.name AS owner, o.role AS role
