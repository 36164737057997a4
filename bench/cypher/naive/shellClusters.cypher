// Naive shell clusters: every address with its firms collected, kept when five or more.
// Parameters: none.
MATCH (a:Address)<-[:REGISTERED_AT|OPERATES_AT]-(c:Company)
WITH a, collect(DISTINCT c.key) AS firms
WHERE size(firms) >= 5
RETURN a.key AS address, size(firms) AS firms
