// The "possibly the same person" links of the people a profile shows — the person itself, or a
// firm's legal representatives, officers and person holders — each link with the other person
// (masked ID number only), up to five firms the other holds, represents or serves, and the
// decision so far. Undecided first; at most $limit, with the count of all.
// Parameters:
//   $key   string — a firm key or a current person key (the profile resolves a merged key first)
//   $limit integer — most links returned
// Grounds: DOMAIN.md §3 POSSIBLY_SAME_AS {reasons, status: proposed|confirmed|rejected}; people
//   are never merged on their name: a human decides (entities' decideSamePerson).
CALL () {
  MATCH (:Company {key: $key})<-[:LEGAL_REPRESENTATIVE_OF|OFFICER_OF|HOLDS_SHARES]-(p:Person)
  RETURN p
  UNION
  MATCH (p:Person {key: $key})
  RETURN p
}
MATCH (p)-[s:POSSIBLY_SAME_AS]-(q:Person)
WITH collect({p: p, s: s, q: q}) AS links
UNWIND links AS l
WITH size(links) AS total, l.p AS p, l.s AS s, l.q AS q
ORDER BY CASE s.status WHEN 'proposed' THEN 0 WHEN 'confirmed' THEN 1 ELSE 2 END, p.name, p.key, q.key
LIMIT $limit
CALL (q) {
  OPTIONAL MATCH (q)-[r:HOLDS_SHARES|LEGAL_REPRESENTATIVE_OF|OFFICER_OF]->(c:Company)
  WHERE r.validTo IS NULL
  WITH DISTINCT c ORDER BY c.name
  RETURN collect({key: c.key, name: c.name})[..5] AS firms
}
RETURN total, p.key AS person,
       {kind: 'PERSON', key: q.key, name: q.name, identifier: q.idMasked, status: null, address: null} AS other,
       firms, s.status AS status, s.reasons AS reasons, s.decidedBy AS decidedBy, s.decidedOn AS decidedOn,
       s.decisionReason AS decisionReason
