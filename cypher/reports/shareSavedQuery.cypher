// Sets whom a saved query is shared with besides its owner: the roles and the named users given
// replace those before. Only the owner may; every name must be an enabled account of a role that
// may be shared a query, and not the owner (the caller checks that first: reports/shareTargets).
// No row when the query is not the user's own.
// Parameters:
//   $id string; $user string — the owner's name key
//   $roles list of string — roles shared with; $users list of string — name keys shared with
// Grounds: issue 13, saved queries are "shareable with a role or named users"; only the owner shares.
MATCH (q:SavedQuery {id: $id})-[:SAVED_QUERY_OWNED_BY]->(u:User {nameKey: $user})
SET q.sharedRoles = $roles, q.sharedUsers = $users,
    q.version = q.version + 1, q.updatedAt = datetime(), q.updatedBy = u.name
RETURN q.id AS id
