// The versions of one vocabulary, newest first, a page at a time: who made each, when, why and
// what it changed (not the content: a former version is read on its own with vocabulary/version).
// Parameters:
//   $vocabulary string — 'listTypes' or 'keywordLists'
//   $before     integer or null — only versions below this one (the cursor of the previous page)
//   $limit      integer — most rows (a page and one more, to tell whether another page follows)
// Grounds: issue 12 (the history of a vocabulary, readable and paged).
MATCH (r:VocabularyVersion {vocabulary: $vocabulary})
WHERE $before IS NULL OR r.version < $before
RETURN r.vocabulary AS vocabulary, r.version AS version, r.author AS author, r.at AS at, r.reason AS reason, r.changes AS changes
ORDER BY r.version DESC
LIMIT $limit
