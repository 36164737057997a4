// The offices a person holds in given firms (legal representative, 董事长, 总经理 …), shown beside
// the firms the person controls or holds.
// Parameters:
//   $person string — the person's key
//   $keys   list of string — firm keys
//   $asOf   date or null — the day asked about: offices with validFrom absent or on or before it
//           and validTo absent or after it; null: the current ones (validTo absent)
// Grounds: DOMAIN.md §3 LEGAL_REPRESENTATIVE_OF, OFFICER_OF {role} Person → Company.
MATCH (p:Person {key: $person})-[r:LEGAL_REPRESENTATIVE_OF|OFFICER_OF]->(c:Company)
WHERE c.key IN $keys
  AND CASE WHEN $asOf IS NULL THEN r.validTo IS NULL
           ELSE coalesce(r.validFrom <= $asOf, true) AND coalesce(r.validTo > $asOf, true) END
RETURN c.key AS firm, type(r) AS type, r.role AS role, r.validFrom AS validFrom, r.validTo AS validTo
ORDER BY firm, type, role
