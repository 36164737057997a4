// Which of the given keys name a firm or a person of the graph, each as the key it answers to now
// (a person merged into another answers with the survivor, as cypher/analyses/currentKeys does).
// Parameters:
//   $keys list of string — firm or person keys given for a hand-entered relation
// Grounds: issue 12, cases: hand-entered relations are between two parties of the graph, by key.
UNWIND $keys AS key
OPTIONAL MATCH (:KeyAlias {key: key})-[:ALIAS_OF]->(p:Person)
WITH key, CASE WHEN p IS NULL OR EXISTS { MATCH (:Person {key: key}) } THEN key ELSE p.key END AS current
OPTIONAL MATCH (e:Company|Person {key: current})
RETURN key, current, e IS NOT NULL AS exists, e.name AS name
