// Records an investigator's decision on a "possibly the same person" link: confirmed (the two
// records are one person for the analyses that group persons) or rejected (two people), with who
// decided, when and why. Decided again, the last decision stands; the audit trail keeps them all.
// Parameters:
//   $key string, $other string — the two persons' keys (merged keys answer for their survivors)
//   $status string — 'confirmed' or 'rejected'
//   $user string — the account deciding; $reason string — why (a case number or a sentence)
// Grounds: DOMAIN.md §3 POSSIBLY_SAME_AS {reasons, status, decidedBy, decidedOn}.
OPTIONAL MATCH (:KeyAlias {key: $key})-[:ALIAS_OF]->(a0:Person)
OPTIONAL MATCH (:KeyAlias {key: $other})-[:ALIAS_OF]->(b0:Person)
WITH coalesce(a0.key, $key) AS aKey, coalesce(b0.key, $other) AS bKey
MATCH (:Person {key: aKey})-[s:POSSIBLY_SAME_AS]-(:Person {key: bKey})
SET s.status = $status, s.decidedBy = $user, s.decidedOn = date(), s.decisionReason = $reason
RETURN s.status AS status
