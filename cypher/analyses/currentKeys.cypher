// The key each given key answers to now. A person key merged into another person (one person named
// twice in one firm, importers/passes/persons.ts) is kept as an alias of the survivor and answers
// with the survivor's key; any other key answers with itself (a key naming a person of its own
// wins over an alias, as when the mention was imported again and stands apart).
// Parameters:
//   $keys list of string — domain keys as stored by a user (saved queries, canvases, exports)
// Grounds: issue 10 §3 (a merged-away key stays valid); DOMAIN.md §3 entities are addressed by keys.
UNWIND $keys AS key
OPTIONAL MATCH (:KeyAlias {key: key})-[:ALIAS_OF]->(p:Person)
RETURN key,
       CASE WHEN p IS NULL OR EXISTS { MATCH (:Person {key: key}) } THEN key ELSE p.key END AS current
