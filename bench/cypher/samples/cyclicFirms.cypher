// Benchmark sample: firms on a cross-holding cycle of two to four firms, in key order.
// Parameters: $n integer — how many.
MATCH (c:Company)
WHERE EXISTS { (c)-[:HOLDS_SHARES*2..4]->(c) }
RETURN c.key AS key
ORDER BY key
LIMIT $n
