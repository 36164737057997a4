// Benchmark sample: firms in a cross-holding web (系族) — each holds shares of at least two firms
// that hold shares of it, so holding paths multiply around it — in key order.
// Parameters: $n integer — how many.
MATCH (c:Company)
WHERE COUNT { (c)<-[:HOLDS_SHARES]-(h:Company) WHERE EXISTS { (c)-[:HOLDS_SHARES]->(h) } } >= 2
RETURN c.key AS key
ORDER BY key
LIMIT $n
