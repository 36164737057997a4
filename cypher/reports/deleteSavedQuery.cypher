// Deletes a saved query: only its owner may. Its report runs stay, never edited, each readable by
// the owner it had (ReportRun.ownerKey) and linked from cases by id; its inbox items keep the
// title they were made with.
// Parameters:
//   $id string; $user string — the owner's name key
// Grounds: issue 13, saved queries (only the owner deletes); report runs are never edited.
MATCH (q:SavedQuery {id: $id})-[:SAVED_QUERY_OWNED_BY]->(:User {nameKey: $user})
DETACH DELETE q
RETURN $id AS id
