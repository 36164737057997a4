// Adds a note to a case, with its author and time, numbered in the order written (the case's
// counter is raised under its write lock, so two notes never share a number). Notes are a record
// of the work and are kept as written (no edit, no delete). No row when the case is not the
// user's to see.
// Parameters:
//   $caseId string; $id string — a random UUID; $user string — the author's name key
//   $text string; $now integer — epoch milliseconds
// Grounds: issue 12, cases: notes with author and time.
MATCH (u:User {nameKey: $user})<-[:CASE_OWNED_BY|CASE_SHARED_WITH]-(c:Case {id: $caseId})
SET c.notesWritten = coalesce(c.notesWritten, 0) + 1
CREATE (c)-[:HAS_CASE_NOTE]->(n:CaseNote {id: $id, caseId: $caseId, number: c.notesWritten, text: $text, author: u.name, createdAt: $now})
RETURN n {.id, .number, .text, .author, .createdAt} AS note
