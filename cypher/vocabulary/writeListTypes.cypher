// Makes the list-type vocabulary exactly the given one: its version, and one ListType per type
// (position = order in the vocabulary), any other ListType removed. Runs after
// vocabulary/lockListTypes in the same transaction. ListEntry nodes are not touched: they keep the
// type and spelling their import stored, and the analyses resolve them through the vocabulary
// they read (analyses/listTypes.ts), so an entry whose spelling a later version maps counts then.
// Parameters:
//   $version     integer — the new version
//   $seedVersion integer — version of the shipped seed (model/data/listTypes.json) this was built on
//   $user        string — who changed it (OS user or API user)
//   $types       list of maps {code, name, nameEn, meaning, spellings} in vocabulary order
// Grounds: issue 10 §1.
MATCH (v:Vocabulary {name: 'listTypes'})
SET v.version = $version, v.seedVersion = coalesce(v.seedVersion, $seedVersion), v.updatedAt = datetime(), v.updatedBy = $user
WITH v
CALL (v) {
  MATCH (old:ListType)
  WHERE NOT old.code IN [t IN $types | t.code]
  DETACH DELETE old
}
UNWIND range(0, size($types) - 1) AS i
WITH v, i, $types[i] AS t
MERGE (l:ListType {code: t.code})
SET l.name = t.name, l.nameEn = t.nameEn, l.meaning = t.meaning, l.spellings = t.spellings, l.position = i
RETURN v.version AS version, count(l) AS types
