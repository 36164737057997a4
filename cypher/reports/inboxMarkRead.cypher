// Marks one of the reader's inbox items read; the first reading time stays. No row when the item
// is not the reader's, so no one learns whether another user's item exists.
// Parameters:
//   $user string — the reader's name key; $id string — the item; $now datetime
// Grounds: issue 13, watches: the owner's inbox (API).
MATCH (:User {nameKey: $user})<-[:INBOX_OF]-(i:InboxItem {id: $id})
SET i.readAt = coalesce(i.readAt, $now)
RETURN i {.id, .queryId, .queryTitle, .runId, .diff, .createdAt, .readAt} AS item
