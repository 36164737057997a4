// Naive neighbourhood: every entity within two hops over any relationship, no fan-out cap, as a
// first-cut "expand all" would fetch it for the screen.
// Parameters: $key string — the start entity's key (firm or person).
MATCH (a) WHERE (a:Company OR a:Person) AND a.key = $key
MATCH (a)-[*1..2]-(b)
RETURN count(DISTINCT b) AS entities
