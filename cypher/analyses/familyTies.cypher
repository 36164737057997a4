// Family ties (亲属: spouses, parents, children …) among a set of persons, for joint control:
// relatives whose holdings together reach the threshold control the firm jointly.
// Parameters:
//   $keys list of string — person keys
//   $asOf date or null — the day asked about: ties with validFrom absent or on or before it and
//         validTo absent or after it; null: the current ones (validTo absent)
// Grounds: DOMAIN.md §3 RELATED_TO {basis: 'family'} Person → Person; Order 2024 No. 3 art. 6 (3):
//   control alone or jointly, through 关系密切的人.
MATCH (a:Person)-[r:RELATED_TO {basis: 'family'}]->(b:Person)
WHERE a.key IN $keys AND b.key IN $keys AND a <> b
  AND CASE WHEN $asOf IS NULL THEN r.validTo IS NULL
           ELSE coalesce(r.validFrom <= $asOf, true) AND coalesce(r.validTo > $asOf, true) END
RETURN a.key AS from, b.key AS to, r.basisText AS basisText, r.validFrom AS validFrom, r.validTo AS validTo
ORDER BY from, to
