// Saves a query owned by the user saving it, at version 1, shared with no one. No row when the
// owner has no account (the CLI's "cli:<os user>" owns no saved queries) or is not of a role that
// may own one.
// Parameters:
//   $id string — a random UUID; $user string — the owner's name key (lower-cased account name)
//   $ownerRoles list of string — the roles that may own a saved query
//   $title string, $description string or null, $analysis string — an analysis name (analyses/index.ts)
//   $params string — the parameters as given, as JSON; $caseId string or null
// Grounds: issue 13, saved queries: "an analysis with its parameters, a title and a description,
// owned by a user, shareable with a role or named users".
MATCH (u:User {nameKey: $user})
WHERE u.role IN $ownerRoles AND NOT coalesce(u.disabled, false)
CREATE (q:SavedQuery {id: $id, title: $title, description: $description, analysis: $analysis, params: $params,
                      caseId: $caseId, ownerKey: $user, sharedRoles: [], sharedUsers: [], version: 1,
                      createdAt: datetime(), createdBy: u.name, updatedAt: datetime(), updatedBy: u.name})
CREATE (q)-[:SAVED_QUERY_OWNED_BY]->(u)
RETURN q.id AS id
