// Opens a case owned by the user creating it, at version 1. No row when the user does not exist.
// Parameters:
//   $id string — a random UUID; $user string — the owner's name key (lower-cased account name)
//   $title string, $description string or null
//   $now integer — epoch milliseconds
// Grounds: issue 12, cases: a case is owned by a user and shared with named users.
MATCH (u:User {nameKey: $user})
CREATE (c:Case {id: $id, title: $title, description: $description, owner: $user, version: 1,
                createdAt: $now, createdBy: u.name, updatedAt: $now, updatedBy: u.name})
CREATE (c)-[:CASE_OWNED_BY]->(u)
RETURN c.id AS id
