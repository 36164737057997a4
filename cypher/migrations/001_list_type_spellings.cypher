// The list types list entries were stored with before the vocabulary (issue 10 §1): each spelling
// as written, on entries that do not yet keep it apart from a canonical type (no listTypeText), and
// how many entries carry it. Migration 1 (migrations/listTypeVocabulary.ts) maps each through the
// vocabulary.
// Parameters: none.
// Grounds: DOMAIN.md §3 ListEntry types, §4 their office spellings; model/listTypes.ts.
MATCH (l:ListEntry)
WHERE l.listTypeText IS NULL
RETURN l.listType AS spelling, count(*) AS entries
ORDER BY spelling
