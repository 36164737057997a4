// Shell-cluster candidates by a shared contact point: every address (住所 or 实际经营地址), phone
// or email that at least $minFirms firms share, at least one of them registered in the
// jurisdiction. The contact points are screened by their relationship count, which Neo4j keeps
// per node (COUNT {} on a bare pattern reads the degree, not the relationships), so a whole
// province is one pass over the contact nodes and no firm is compared with another. A contact
// point with more than $maxClusterSize firms (a registration agent's address) is a hub: it comes
// back with its counts and no members.
// Parameters:
//   $kinds          list of string — contact kinds to screen: 'address', 'phone', 'email'
//   $minFirms       integer — fewest firms sharing the contact point
//   $maxClusterSize integer — the hub cap: most firms whose members are returned
//   $prefix         string — registration division prefix of the jurisdiction (analyses/regionScope.ts); '' for everywhere
// Grounds: DOMAIN.md §3 REGISTERED_AT / OPERATES_AT Company → Address, HAS_PHONE, HAS_EMAIL;
//   §5.7 shell clusters (many firms at one address or phone).
CALL () {
  MATCH (x:Address)
  WHERE 'address' IN $kinds AND COUNT { (x)<-[:REGISTERED_AT|OPERATES_AT]-() } >= $minFirms
  RETURN x, 'address' AS kind
  UNION ALL
  MATCH (x:Phone)
  WHERE 'phone' IN $kinds AND COUNT { (x)<-[:HAS_PHONE]-() } >= $minFirms
  RETURN x, 'phone' AS kind
  UNION ALL
  MATCH (x:Email)
  WHERE 'email' IN $kinds AND COUNT { (x)<-[:HAS_EMAIL]-() } >= $minFirms
  RETURN x, 'email' AS kind
}
CALL (x) {
  // The degree counts a firm twice when its registered and operating address are one; the
  // distinct count is what is reported.
  MATCH (x)<-[:REGISTERED_AT|OPERATES_AT|HAS_PHONE|HAS_EMAIL]-(c:Company)
  WITH DISTINCT c
  RETURN count(c) AS firms,
         count(CASE WHEN $prefix = '' OR c.regionCode STARTS WITH $prefix THEN 1 END) AS local
}
WITH x, kind, firms, local
WHERE firms >= $minFirms AND local > 0
CALL (x, firms) {
  MATCH (x)<-[r:REGISTERED_AT|OPERATES_AT|HAS_PHONE|HAS_EMAIL]-(c:Company)
  WHERE firms <= $maxClusterSize
  WITH c, r ORDER BY c.key, type(r)
  RETURN collect({firm: c.key, type: type(r), validFrom: r.validFrom, validTo: r.validTo}) AS links
}
RETURN kind, x {.key, .text, labels: labels(x)} AS contact, firms, local, links
ORDER BY kind, contact.key
