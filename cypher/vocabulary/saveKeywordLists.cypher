// Makes the keyword lists of the keyword screen the given ones as a new version, if the version in
// the database is still the one the change was made from (check-and-set): otherwise no row, and the
// caller refuses the edit (EDIT_CONFLICT) and rolls back. The lists live in the version records
// (VocabularyVersion.content): the Vocabulary node names the version in use. The version the change
// was made from is recorded too when it is not yet (the shipped seed a database without lists
// stood for), so the history starts where its readers started.
// Parameters:
//   $expectedVersion integer — the version the change was made from
//   $version         integer — the new version
//   $seedVersion     integer — version of the shipped seed (model/data/keywordLists.json)
//   $base            map {version, author, reason, content} — the version the change was made from
//   $author          string — who changed them
//   $reason          string — why
//   $changes         string — JSON list of {op, path, value} (model/vocabularies.ts keywordListsChanges)
//   $content         string — JSON of the lists [{name, title, fields, keywords}]
// Grounds: DOMAIN.md §5.4 (the keyword lists); issue 12 (vocabularies edited by sysadmin, versioned).
MERGE (v:Vocabulary {name: 'keywordLists'})
// The version written from itself: Cypher then takes the node's write lock before reading it, so
// two edits made from the same version cannot both pass the comparison below.
SET v.version = coalesce(v.version, 0)
WITH v
WHERE v.version = $expectedVersion OR (v.version = 0 AND $expectedVersion = $seedVersion)
WITH v, datetime() AS now
OPTIONAL MATCH (recorded:VocabularyVersion {id: 'keywordLists@' + toString($base.version)})
FOREACH (_ IN CASE WHEN recorded IS NULL AND $base.version < $version THEN [1] ELSE [] END |
  CREATE (:VocabularyVersion {id: 'keywordLists@' + toString($base.version), vocabulary: 'keywordLists', version: $base.version,
                              author: coalesce(v.updatedBy, $base.author), at: coalesce(v.updatedAt, now), reason: $base.reason,
                              changes: '[]', content: $base.content}))
SET v.version = $version, v.seedVersion = coalesce(v.seedVersion, $seedVersion), v.updatedAt = now, v.updatedBy = $author
CREATE (:VocabularyVersion {id: 'keywordLists@' + toString($version), vocabulary: 'keywordLists', version: $version,
                           author: $author, at: now, reason: $reason, changes: $changes, content: $content})
RETURN v.version AS version
