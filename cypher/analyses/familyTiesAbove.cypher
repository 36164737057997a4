// Family ties (亲属: spouses, parents, children …) among the persons a beneficial-owner answer may
// name: those who hold or control the firm directly or through up to $reach firms above it (the
// firms holdersOf.cypher prefetches), and its legal representative and officers. Asked for in
// the same round trip as the structure itself, so it cannot wait to learn which persons the walk
// keeps: it returns ties among a superset, and the caller keeps those between persons it names.
// For joint control: relatives whose holdings together reach the threshold control the firm jointly.
// Parameters:
//   $key   string — the firm's domain key
//   $asOf  date or null — the day asked about: ties with validFrom absent or on or before it and
//          validTo absent or after it; null: the current ones (validTo absent)
//   $reach integer — most firms above the firm to look through, as in holdersOf.cypher
// Grounds: DOMAIN.md §3 RELATED_TO {basis: 'family'} Person → Person, HOLDS_SHARES, CONTROLS,
//   LEGAL_REPRESENTATIVE_OF, OFFICER_OF; Order 2024 No. 3 art. 6 (3): control alone or jointly,
//   through 关系密切的人.
MATCH (start:Company {key: $key})
CALL (start) {
  MATCH (start)<-[:HOLDS_SHARES|CONTROLS*1..30]-(f:Company)
  WITH DISTINCT f
  LIMIT $reach
  RETURN collect(f) AS above
}
CALL (start, above) {
  UNWIND [start] + above AS c
  MATCH (p:Person)-[:HOLDS_SHARES|CONTROLS]->(c)
  RETURN p
  UNION
  MATCH (p:Person)-[:LEGAL_REPRESENTATIVE_OF|OFFICER_OF]->(start)
  RETURN p
}
WITH collect(DISTINCT p) AS persons
UNWIND persons AS a
MATCH (a)-[r:RELATED_TO {basis: 'family'}]->(b:Person)
WHERE b IN persons AND a <> b
  AND CASE WHEN $asOf IS NULL THEN r.validTo IS NULL
           ELSE coalesce(r.validFrom <= $asOf, true) AND coalesce(r.validTo > $asOf, true) END
RETURN a.key AS from, b.key AS to, r.basisText AS basisText, r.validFrom AS validFrom, r.validTo AS validTo
ORDER BY from, to
