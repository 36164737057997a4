// Search, PINYIN (analyses/search.ts): firms whose name's or former names' pinyin (full or
// initials, model/names.ts pinyinForms) holds the text, from the text indexes 042 and 043. A match
// at the start of a form scores 1 (0.5 on a former name), elsewhere 0. Which former name matched
// is told by the caller: the store keeps their forms joined.
// Parameters:
//   $pinyin string — model/names.ts pinyinQuery of the text
//   $candidates integer — most hits of each index
// Grounds: issue 12 — pinyin, full and initials, finds the simplified name.
CALL () {
  MATCH (c:Company) WHERE c.namePinyin CONTAINS $pinyin
  WITH c LIMIT $candidates
  RETURN c, CASE WHEN c.namePinyin STARTS WITH $pinyin OR c.namePinyin CONTAINS ' ' + $pinyin THEN 1.0 ELSE 0.0 END AS score
  UNION
  MATCH (c:Company) WHERE c.formerNamesPinyin CONTAINS $pinyin
  WITH c LIMIT $candidates
  RETURN c, CASE WHEN c.formerNamesPinyin STARTS WITH $pinyin OR c.formerNamesPinyin CONTAINS ' ' + $pinyin THEN 0.5 ELSE 0.0 END AS score
}
RETURN 'COMPANY' AS kind, c.key AS key, c.name AS name, score, c.formerNames AS formerNames
