// Search, PINYIN (analyses/search.ts): persons whose name's pinyin (full or initials, with surname
// readings, model/names.ts pinyinForms) holds the text, from the text index 044. A match at the
// start of a form scores 1, elsewhere 0.
// Parameters:
//   $pinyin string — model/names.ts pinyinQuery of the text
//   $candidates integer — most hits
// Grounds: issue 12 — pinyin, full and initials, finds the simplified name.
MATCH (p:Person) WHERE p.namePinyin CONTAINS $pinyin
WITH p LIMIT $candidates
RETURN 'PERSON' AS kind, p.key AS key, p.name AS name,
       CASE WHEN p.namePinyin STARTS WITH $pinyin OR p.namePinyin CONTAINS ' ' + $pinyin THEN 1.0 ELSE 0.0 END AS score
