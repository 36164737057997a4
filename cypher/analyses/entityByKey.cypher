// The entity a network or analysis starts from, found by its domain key (a person key since merged
// into another person finds the survivor).
// Parameters:
//   $key string — domain key of a firm or a person
// Grounds: the API addresses entities by domain keys only (DOMAIN.md §3).
CALL () {
  MATCH (a:Company {key: $key}) RETURN a
  UNION
  MATCH (a:Person {key: $key}) RETURN a
  UNION
  // A key merged into another person answers with the survivor (analyses/currentKeys.cypher).
  MATCH (:KeyAlias {key: $key})-[:ALIAS_OF]->(a:Person)
  WHERE NOT EXISTS { MATCH (:Person {key: $key}) }
  RETURN a
}
RETURN {kind: CASE WHEN a:Company THEN 'COMPANY' ELSE 'PERSON' END, key: a.key, name: a.name, status: a.status} AS entity
