// The keyword lists in use: the version the database holds and its lists (JSON, as stored with the
// version). No row when the database holds none yet: the caller then uses the shipped seed
// (model/keywordLists.ts keywordListsFromStored).
// Parameters: none.
// Grounds: DOMAIN.md §5.4; issue 12 (keyword lists as a versioned vocabulary).
MATCH (v:Vocabulary {name: 'keywordLists'})
WHERE v.version > 0
MATCH (r:VocabularyVersion {id: 'keywordLists@' + toString(v.version)})
RETURN v.version AS version, r.content AS content
