// Search, IDENTIFIER (analyses/search.ts): a firm by its USCC, registration number or key, a
// person by key, exactly; a person key merged into another person finds the survivor.
// Parameters:
//   $text string — the text as typed, trimmed: compared with keys
//   $code string — the text without spaces, upper-case: compared with USCC and registration numbers
// Grounds: DOMAIN.md §2 — match on the code first.
CALL () {
  MATCH (c:Company) WHERE c.uscc = $code OR c.registrationNumber = $code OR c.key IN [$text, $code]
  RETURN c AS node, CASE WHEN c.uscc = $code THEN c.uscc WHEN c.registrationNumber = $code THEN c.registrationNumber ELSE c.key END AS matchedText
  UNION
  MATCH (p:Person {key: $text})
  RETURN p AS node, p.key AS matchedText
  UNION
  // analyses/currentKeys.cypher
  MATCH (:KeyAlias {key: $text})-[:ALIAS_OF]->(p:Person)
  WHERE NOT EXISTS { MATCH (:Person {key: $text}) }
  RETURN p AS node, $text AS matchedText
}
RETURN CASE WHEN node:Company THEN 'COMPANY' ELSE 'PERSON' END AS kind, node.key AS key, node.name AS name, 0.0 AS score, matchedText
