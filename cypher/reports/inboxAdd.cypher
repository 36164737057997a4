// Puts a watch's finding of changes in its owner's inbox: the difference between two runs of a
// saved query, as JSON (reports/inbox.ts reads it back through a schema). The query's title is
// kept with the item, so an item still says what it was about after the query is renamed or
// deleted. No row when the owner's account is gone.
// Parameters:
//   $id string — a random UUID; $user string — the owner's name key
//   $queryId string, $queryTitle string, $runId string — the query and the run that changed
//   $diff string — the RunDiff as JSON
//   $now datetime
// Grounds: issue 13, watches: "a run with changes puts an item in its owner's inbox, with the diff".
MATCH (u:User {nameKey: $user})
CREATE (i:InboxItem {id: $id, queryId: $queryId, queryTitle: $queryTitle, runId: $runId, diff: $diff, createdAt: $now})
CREATE (i)-[:INBOX_OF]->(u)
RETURN i.id AS id
