// Writes the pinyin of a page of persons' names (migration 3), as an import now writes it beside
// the name (import/persons). Setting the same value again changes nothing.
// Parameters:
//   $rows list of maps — {key, namePinyin}
// Grounds: issue 12 (search by pinyin); model/names.ts pinyinForms.
UNWIND $rows AS r
MATCH (p:Person {key: r.key})
SET p.namePinyin = r.namePinyin
