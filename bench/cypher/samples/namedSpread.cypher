// Benchmark sample for the API load: n firms and n persons (all of them when there are fewer)
// spread evenly over the key order (deterministic, unlike rand()), with what a user would type to
// find them: names, the firm's USCC and the region its name begins with.
// Parameters: $n integer — how many of each.
CALL () {
  MATCH (c:Company) WHERE NOT c:Branch
  WITH c ORDER BY c.key
  WITH collect(c {.key, .name, .uscc, .regionCode}) AS rows
  WITH rows, CASE WHEN size(rows) < $n THEN size(rows) ELSE $n END AS k
  RETURN [i IN range(0, k - 1) | rows[toInteger(i * size(rows) / k)]] AS firms
}
CALL () {
  MATCH (p:Person)
  WITH p ORDER BY p.key
  WITH collect(p {.key, .name}) AS rows
  WITH rows, CASE WHEN size(rows) < $n THEN size(rows) ELSE $n END AS k
  RETURN [i IN range(0, k - 1) | rows[toInteger(i * size(rows) / k)]] AS persons
}
RETURN firms, persons
