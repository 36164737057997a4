// Finds firms and people by what a user types: an exact identifier (USCC, registration number,
// key) first, then full-text matches on names and former names (index entity_names, cjk bigrams).
// Parameters:
//   $text   string — the text as typed, compared exactly with identifiers
//   $phrase string — the same text as a Lucene phrase query, escaped by the caller
//   $limit  integer — most results returned
// Grounds: DOMAIN.md §2 — match on the code first, on names only after normalising.
CALL () {
  MATCH (c:Company) WHERE c.uscc = $text OR c.registrationNumber = $text OR c.key = $text
  RETURN c AS node, 1000.0 AS score
  UNION
  MATCH (p:Person {key: $text})
  RETURN p AS node, 1000.0 AS score
  UNION
  // A key merged into another person finds the survivor (analyses/currentKeys.cypher).
  MATCH (:KeyAlias {key: $text})-[:ALIAS_OF]->(p:Person)
  WHERE NOT EXISTS { MATCH (:Person {key: $text}) }
  RETURN p AS node, 1000.0 AS score
  UNION
  CALL db.index.fulltext.queryNodes('entity_names', $phrase, {limit: $limit}) YIELD node, score
  RETURN node, score
}
WITH node, max(score) AS score
ORDER BY score DESC, size(node.name), node.name
LIMIT $limit
RETURN CASE WHEN node:Company THEN 'COMPANY' ELSE 'PERSON' END AS kind,
       node.key AS key,
       node.name AS name,
       coalesce(node.uscc, node.registrationNumber, node.idMasked) AS identifier,
       // The full number goes out masked unless the reader may see it (server: model/idMasking.ts).
       node.idNumber AS idNumber,
       node.status AS status,
       node.registeredAddress AS address
