// One version of a vocabulary with its content as it then stood (JSON: the list types or the
// keyword lists). No row when the vocabulary never had that version in this database.
// Parameters:
//   $id string — '<vocabulary>@<version>', e.g. 'keywordLists@2'
// Grounds: issue 12 (a former version of a vocabulary can be read).
MATCH (r:VocabularyVersion {id: $id})
RETURN r.vocabulary AS vocabulary, r.version AS version, r.author AS author, r.at AS at, r.reason AS reason, r.changes AS changes, r.content AS content
