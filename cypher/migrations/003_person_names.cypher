// A page of persons, by key, with the names their pinyin is computed from (migration 3).
// Parameters:
//   $after string — the last key of the previous page ('' for the first)
//   $limit integer — page size
// Grounds: issue 12 (search by pinyin); model/names.ts pinyinForms.
MATCH (p:Person)
WHERE p.key > $after
WITH p ORDER BY p.key LIMIT $limit
RETURN p.key AS key, p.name AS name
ORDER BY key
