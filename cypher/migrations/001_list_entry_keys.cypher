// A page of list entries, by key, with what their key is made of (importers/kinds/lists.ts
// listEntryKey): the list type, the case number, and the keys of the firms or persons flagged with
// it (the subject of an entry without a case number). Migration 1 recomputes keys from the
// canonical type, so one case typed in two spellings is one entry, as a new import makes it.
// Parameters:
//   $after string — the last key of the previous page ('' for the first)
//   $limit integer — page size
// Grounds: DOMAIN.md §3 ListEntry/Case; issue 10 §1.
MATCH (l:ListEntry)
WHERE l.key > $after
WITH l ORDER BY l.key LIMIT $limit
RETURN l.key AS key, l.listType AS listType, l.listTypeText AS listTypeText, l.caseNo AS caseNo,
       [(s)-[:FLAGGED]->(l) | s.key] AS subjects
ORDER BY key
