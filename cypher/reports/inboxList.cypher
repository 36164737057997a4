// A user's inbox, newest first, a page at a time (after the item last shown); only their own
// items: another user's inbox is not reachable from here at all.
// Parameters:
//   $user string — the reader's name key
//   $unreadOnly boolean — only items not yet marked read
//   $afterAt datetime or null, $afterId string or null — createdAt and id of the last item of the previous page
//   $limit integer — rows to return (one more than the page, to tell whether another follows)
// Grounds: issue 13, watches: the owner's inbox (API); cursor pagination (server/pagination.ts).
MATCH (:User {nameKey: $user})<-[:INBOX_OF]-(i:InboxItem)
WHERE (NOT $unreadOnly OR i.readAt IS NULL)
  AND ($afterAt IS NULL OR i.createdAt < $afterAt OR (i.createdAt = $afterAt AND i.id > $afterId))
WITH i
ORDER BY i.createdAt DESC, i.id
LIMIT $limit
RETURN i {.id, .queryId, .queryTitle, .runId, .diff, .createdAt, .readAt} AS item
