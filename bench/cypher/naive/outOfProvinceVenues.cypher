// Naive out-of-province venues: every firm whose name contains a venue word, by a scan of all
// names, with its members, branches and operating addresses, kept when the venue's division is
// outside the province and one of those is inside.
// Parameters: $province string — the 2-digit province prefix of the jurisdiction.
MATCH (v:Company)
WHERE v.name CONTAINS '交易所' OR v.name CONTAINS '交易中心' OR v.name CONTAINS '交易市场' OR v.name CONTAINS '贵金属'
WITH v WHERE NOT coalesce(v.regionCode, '') STARTS WITH $province
OPTIONAL MATCH (v)<-[:MEMBER_OF|BRANCH_OF]-(m:Company) WHERE m.regionCode STARTS WITH $province
OPTIONAL MATCH (v)-[:OPERATES_AT]->(:Address)-[:IN_REGION]->(r:Region) WHERE r.code STARTS WITH $province
WITH v, count(DISTINCT m) AS local, count(DISTINCT r) AS operating
WHERE local > 0 OR operating > 0
RETURN v.key AS venue, local, operating
