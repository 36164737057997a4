// Shell-cluster candidates by the same people: every person who is legal representative, holder
// or officer of at least $minFirms firms, at least one of them registered in the jurisdiction,
// with those firms' establishment dates (the analysis finds the firms set up within the window).
// Persons are screened by their relationship count, which Neo4j keeps per node, so only the few
// with many firms are expanded. A person with more than $maxClusterSize firms is a hub: counts
// only, no members.
// Parameters:
//   $minFirms       integer — fewest firms of one person
//   $maxClusterSize integer — the hub cap: most firms whose members are returned
//   $prefix         string — registration division prefix of the jurisdiction (analyses/regionScope.ts); '' for everywhere
// Grounds: DOMAIN.md §3 LEGAL_REPRESENTATIVE_OF, HOLDS_SHARES, OFFICER_OF Person → Company;
//   §5.7 firms set up by the same people in a short time (短时间内发展迅速).
MATCH (p:Person)
WHERE COUNT { (p)-[:LEGAL_REPRESENTATIVE_OF|HOLDS_SHARES|OFFICER_OF]->() } >= $minFirms
CALL (p) {
  MATCH (p)-[:LEGAL_REPRESENTATIVE_OF|HOLDS_SHARES|OFFICER_OF]->(c:Company)
  WITH DISTINCT c
  RETURN count(c) AS firms,
         count(CASE WHEN $prefix = '' OR c.regionCode STARTS WITH $prefix THEN 1 END) AS local
}
WITH p, firms, local
WHERE firms >= $minFirms AND local > 0
CALL (p, firms) {
  MATCH (p)-[:LEGAL_REPRESENTATIVE_OF|HOLDS_SHARES|OFFICER_OF]->(c:Company)
  WHERE firms <= $maxClusterSize
  WITH DISTINCT c ORDER BY c.key
  RETURN collect({firm: c.key, establishedOn: c.establishedOn}) AS members
}
RETURN p {.key, .name, labels: labels(p)} AS person, firms, local, members
ORDER BY person.key
