// Writes the pinyin of a page of firms' names and former names (migration 3), as an import now
// writes them beside the names (import/registrations, import/formerNames). Setting the same
// values again changes nothing, so a repeated migration is harmless.
// Parameters:
//   $rows list of maps — {key, namePinyin, formerNamesPinyin} (null removes: nothing to spell)
// Grounds: issue 12 (search by pinyin); model/names.ts pinyinForms.
UNWIND $rows AS r
MATCH (c:Company {key: r.key})
SET c.namePinyin = r.namePinyin,
    c.formerNamesPinyin = r.formerNamesPinyin
