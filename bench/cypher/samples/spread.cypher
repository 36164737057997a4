// Benchmark sample: n firms and n persons spread evenly over the key order (deterministic, unlike rand()).
// Parameters: $n integer — how many of each.
CALL () {
  MATCH (c:Company) WHERE NOT c:Branch
  WITH c.key AS key ORDER BY key
  WITH collect(key) AS keys
  RETURN [i IN range(0, $n - 1) | keys[toInteger(i * size(keys) / $n)]] AS firms
}
CALL () {
  MATCH (p:Person)
  WITH p.key AS key ORDER BY key
  WITH collect(key) AS keys
  RETURN [i IN range(0, $n - 1) | keys[toInteger(i * size(keys) / $n)]] AS persons
}
RETURN firms, persons
