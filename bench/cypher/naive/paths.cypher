// Naive path search: Cypher's shortestPath over every relationship type up to 6 steps, without
// pruning hubs (registration agents' addresses, regions).
// Parameters: $from, $to string — keys of the two firms or persons.
MATCH (a) WHERE (a:Company OR a:Person) AND a.key = $from
MATCH (b) WHERE (b:Company OR b:Person) AND b.key = $to
MATCH p = shortestPath((a)-[*..6]-(b))
RETURN length(p) AS hops
