// The person a user means: by the opaque person key (or a key since merged into another person:
// the survivor), else by exact name (normalised form).
// Same-name persons are common and are never merged, so a name may return several: the caller
// lists them (with the masked ID number and a firm each is linked to) and asks for the key.
// Parameters:
//   $code       string — the text as typed, trimmed, compared with the person key
//   $normalized string — the text in normalised name form
// Grounds: DOMAIN.md §3 — persons are addressed by opaque keys, never by ID numbers; ID numbers
//   are shown masked.
CALL () {
  MATCH (p:Person {key: $code})
  RETURN p, 0 AS rank
  UNION
  // A key merged into another person answers with the survivor (analyses/currentKeys.cypher).
  MATCH (:KeyAlias {key: $code})-[:ALIAS_OF]->(p:Person)
  WHERE NOT EXISTS { MATCH (:Person {key: $code}) }
  RETURN p, 0 AS rank
  UNION
  MATCH (p:Person {normalizedName: $normalized})
  RETURN p, 1 AS rank
}
WITH p, min(rank) AS rank
ORDER BY rank, p.name, p.key
LIMIT 20
CALL (p) {
  OPTIONAL MATCH (p)-[:HOLDS_SHARES|LEGAL_REPRESENTATIVE_OF|OFFICER_OF|CONTROLS]->(c:Company)
  RETURN c.name AS firm
  ORDER BY c.name
  LIMIT 1
}
RETURN rank,
       {kind: 'PERSON', key: p.key, name: p.name, identifier: p.idMasked, note: firm} AS entity
