// Makes the list-type vocabulary the given one as a new version, if the version in the database is
// still the one the change was made from (check-and-set): otherwise no row, and the caller refuses
// the edit (EDIT_CONFLICT) and rolls back. On success: the Vocabulary node takes the new version;
// one VocabularyVersion records it (author, time, reason, the changes, the whole vocabulary as it
// now stands, so a former version stays readable); one ListType per type (position = order in the
// vocabulary), any other ListType removed. The version the change was made from is recorded too
// when it is not yet (the shipped seed a database without a vocabulary stood for, or a vocabulary
// stored before versions were recorded), so the history starts where its readers started.
// ListEntry nodes are not touched: they keep the type and spelling their import stored, and the
// analyses resolve them through the vocabulary they read (analyses/listTypes.ts).
// Parameters:
//   $expectedVersion integer — the version the change was made from (0: none stored, nothing read)
//   $version         integer — the new version
//   $seedVersion     integer — version of the shipped seed (model/data/listTypes.json)
//   $base            map {version, author, reason, content} — the version the change was made
//                    from, recorded when it is not yet (author and time: the node's when it has them)
//   $author          string — who changed it (API user, or OS user at the CLI)
//   $reason          string — why
//   $changes         string — JSON list of {op, path, value} (model/vocabularies.ts listTypesChanges)
//   $content         string — JSON of the types in vocabulary order, as `types` below
//   $types           list of maps {code, name, nameEn, meaning, spellings} in vocabulary order
// Grounds: issue 10 §1 (a versioned vocabulary in the database); issue 12 (edited by sysadmin,
//   every edit a version with author, time and reason, two editors never overwrite each other).
MERGE (v:Vocabulary {name: 'listTypes'})
// The version written from itself: Cypher then takes the node's write lock before reading it, so
// two edits made from the same version cannot both pass the comparison below.
SET v.version = coalesce(v.version, 0)
WITH v
WHERE v.version = $expectedVersion OR (v.version = 0 AND $expectedVersion = $seedVersion)
WITH v, datetime() AS now
OPTIONAL MATCH (recorded:VocabularyVersion {id: 'listTypes@' + toString($base.version)})
FOREACH (_ IN CASE WHEN recorded IS NULL AND $base.version < $version THEN [1] ELSE [] END |
  CREATE (:VocabularyVersion {id: 'listTypes@' + toString($base.version), vocabulary: 'listTypes', version: $base.version,
                              author: coalesce(v.updatedBy, $base.author), at: coalesce(v.updatedAt, now), reason: $base.reason,
                              changes: '[]', content: $base.content}))
SET v.version = $version, v.seedVersion = coalesce(v.seedVersion, $seedVersion), v.updatedAt = now, v.updatedBy = $author
CREATE (:VocabularyVersion {id: 'listTypes@' + toString($version), vocabulary: 'listTypes', version: $version,
                           author: $author, at: now, reason: $reason, changes: $changes, content: $content})
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
