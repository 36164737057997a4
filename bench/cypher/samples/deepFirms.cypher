// Benchmark sample: firms at the bottom of holding pyramids of at least four levels (three firms
// above them in one chain, and whoever holds the top one), in key order.
// Parameters: $n integer — how many.
MATCH (c:Company)
WHERE EXISTS { (c)<-[:HOLDS_SHARES]-(:Company)<-[:HOLDS_SHARES]-(:Company)<-[:HOLDS_SHARES]-(:Company)<-[:HOLDS_SHARES]-() }
RETURN c.key AS key
ORDER BY key
LIMIT $n
