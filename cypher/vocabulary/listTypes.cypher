// The list-type vocabulary the database holds: its version and its canonical types in their
// order, each with its code, names, meaning and spellings. No row when the database holds none
// yet (a store from before the vocabulary, a bulk load not yet finished): the caller then uses
// the shipped seed (model/listTypes.ts vocabularyFromStored).
// Parameters: none.
// Grounds: DOMAIN.md §3 ListEntry types and §4 their office spellings; issue 10 §1 (a versioned
//   vocabulary in the database, seeded from model/data/listTypes.json).
MATCH (v:Vocabulary {name: 'listTypes'})
WHERE v.version > 0
OPTIONAL MATCH (t:ListType)
WITH v, t
ORDER BY t.position, t.code
RETURN v.version AS version,
       [x IN collect(t {.code, .name, .nameEn, .meaning, .spellings}) WHERE x.code IS NOT NULL] AS types
