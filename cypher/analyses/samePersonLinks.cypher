// "Possibly the same person" links touching a set of persons, confirmed or still proposed
// (rejected ones are left out). Confirmed links make one person of several records; proposed ones
// are only shown as hints, never counted. Each link is returned once, in its stored direction.
// Parameters:
//   $keys list of string — person keys
// Grounds: DOMAIN.md §3 POSSIBLY_SAME_AS {reason, status: proposed|confirmed|rejected}; README:
//   people are never merged on their name.
UNWIND $keys AS k
MATCH (:Person {key: k})-[s:POSSIBLY_SAME_AS]-(:Person)
WHERE s.status IN ['confirmed', 'proposed']
WITH DISTINCT s
WITH s, startNode(s) AS a, endNode(s) AS b
RETURN {kind: 'PERSON', key: a.key, name: a.name, idMasked: a.idMasked, status: null} AS from,
       {kind: 'PERSON', key: b.key, name: b.name, idMasked: b.idMasked, status: null} AS to,
       s.status AS status, s.reasons AS reasons, s.decidedBy AS decidedBy, s.decidedOn AS decidedOn
ORDER BY from.key, to.key
