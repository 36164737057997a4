// Waits (up to 300 s) until every index is online, so the first search after start-up or a
// schema change uses the index instead of failing or scanning.
// Parameters: none.
CALL db.awaitIndexes(300)
