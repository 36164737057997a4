// The "possibly the same person" links of one person, whatever their status, for an investigator
// to decide: the other person (masked ID number only) with up to five of the firms they hold,
// represent or serve, so that two people of one name can be told apart, and the decision so far.
// Parameters:
//   $key string — the person's key (a key merged into another answers for the survivor)
// Grounds: DOMAIN.md §3 POSSIBLY_SAME_AS {reasons, status: proposed|confirmed|rejected}; people
//   are never merged on their name: a human decides, with a reason.
OPTIONAL MATCH (:KeyAlias {key: $key})-[:ALIAS_OF]->(survivor:Person)
WITH coalesce(survivor.key, $key) AS key
MATCH (p:Person {key: key})-[s:POSSIBLY_SAME_AS]-(q:Person)
CALL (q) {
  OPTIONAL MATCH (q)-[r:HOLDS_SHARES|LEGAL_REPRESENTATIVE_OF|OFFICER_OF]->(c:Company)
  WHERE r.validTo IS NULL
  WITH DISTINCT c ORDER BY c.name
  RETURN collect({key: c.key, name: c.name})[..5] AS firms
}
RETURN p.key AS person,
       {kind: 'PERSON', key: q.key, name: q.name, identifier: q.idMasked, status: null, address: null} AS other,
       firms, s.status AS status, s.reasons AS reasons, s.decidedBy AS decidedBy, s.decidedOn AS decidedOn,
       s.decisionReason AS decisionReason
ORDER BY CASE s.status WHEN 'proposed' THEN 0 WHEN 'confirmed' THEN 1 ELSE 2 END, q.name, q.key
