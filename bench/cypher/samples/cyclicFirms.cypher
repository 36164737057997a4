// Benchmark sample: firms on a cross-holding ring of two to four firms that are not in a web
// (samples/webFirms.cypher: at most one firm both holds them and is held by them), in key order.
// Parameters: $n integer — how many.
MATCH (c:Company)
WHERE EXISTS { (c)-[:HOLDS_SHARES*2..4]->(c) }
  AND COUNT { (c)<-[:HOLDS_SHARES]-(h:Company) WHERE EXISTS { (c)-[:HOLDS_SHARES]->(h) } } < 2
RETURN c.key AS key
ORDER BY key
LIMIT $n
