// Benchmark sample for the API load: n pairs of firms (all of them when there are fewer) linked
// through one person (a holder, legal representative or officer of both), spread evenly over the
// persons' key order: parties that 查关系 finds a short path between, where random pairs are
// mostly far apart or unconnected.
// Parameters: $n integer — how many pairs.
MATCH (p:Person)-[:HOLDS_SHARES|LEGAL_REPRESENTATIVE_OF|OFFICER_OF]->(c:Company)
WITH p.key AS person, collect(DISTINCT c.key) AS firms
WHERE size(firms) >= 2
WITH person, firms ORDER BY person
WITH collect([firms[0], firms[1]]) AS rows
WITH rows, CASE WHEN size(rows) < $n THEN size(rows) ELSE $n END AS k
RETURN [i IN range(0, k - 1) | rows[toInteger(i * size(rows) / k)]] AS pairs
