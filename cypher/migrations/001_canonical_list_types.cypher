// Stores each list entry's canonical list type beside the spelling it was imported with, as the
// importer now does (cypher/import/listEntries): listTypeText keeps the spelling, listType becomes
// the canonical name and listTypeCode its code; a spelling the vocabulary does not know stays the
// type, without a code, as the importer stores it. Only entries without listTypeText are touched,
// so running it again changes nothing. Committed in batches: a store may hold millions of entries.
// Parameters:
//   $mappings list of maps — {spelling, listType (canonical name, or the spelling when unknown), code (null when unknown)}
// Grounds: DOMAIN.md §3 ListEntry types, §4 their office spellings; issue 10 §1.
UNWIND $mappings AS m
MATCH (l:ListEntry {listType: m.spelling})
WHERE l.listTypeText IS NULL
CALL (l, m) {
  SET l.listTypeText = l.listType, l.listType = m.listType, l.listTypeCode = m.code
} IN TRANSACTIONS OF 10000 ROWS
