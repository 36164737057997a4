// The addresses, phones, e-mail addresses and websites of a firm or person, each with how it is
// linked (住所, 实际经营地址, 联系电话 …) and the provenance of each link, and the other firms that
// share it — a shell cluster shows here — at most $shared of them by name, with the count of all
// (an agent's address may hold thousands).
// Parameters:
//   $key    string — a firm key or a person key
//   $shared integer — most sharing firms listed per contact
// Grounds: DOMAIN.md §3 REGISTERED_AT / OPERATES_AT Company → Address, HAS_PHONE, HAS_EMAIL,
//   HAS_WEBSITE; §5.7 many firms at one address or phone. The contact node is keyed by its
//   normalised text, so one address written two ways is one node and its sharers are found by it.
CALL () {
  MATCH (s:Company {key: $key}) RETURN s
  UNION
  MATCH (s:Person {key: $key}) RETURN s
}
MATCH (s)-[r:REGISTERED_AT|OPERATES_AT|HAS_PHONE|HAS_EMAIL|HAS_WEBSITE]->(x)
WITH s, x, collect({relationship: type(r), validFrom: r.validFrom, validTo: r.validTo, provenance: coalesce(r.provenance, [])}) AS links
CALL (s, x) {
  MATCH (o:Company)-[:REGISTERED_AT|OPERATES_AT|HAS_PHONE|HAS_EMAIL|HAS_WEBSITE]->(x)
  WHERE o <> s
  WITH DISTINCT o
  RETURN count(o) AS sharedTotal
}
CALL (s, x) {
  MATCH (o:Company)-[:REGISTERED_AT|OPERATES_AT|HAS_PHONE|HAS_EMAIL|HAS_WEBSITE]->(x)
  WHERE o <> s
  WITH DISTINCT o ORDER BY o.name, o.key
  LIMIT $shared
  RETURN collect({kind: 'COMPANY', key: o.key, name: o.name, identifier: coalesce(o.uscc, o.registrationNumber),
                  status: o.status, address: o.registeredAddress}) AS sharedWith
}
RETURN CASE WHEN x:Address THEN 'ADDRESS' WHEN x:Phone THEN 'PHONE' WHEN x:Email THEN 'EMAIL' ELSE 'WEBSITE' END AS kind,
       x.key AS key, x.text AS text, x.regionCode AS regionCode, links, sharedWith, sharedTotal
ORDER BY kind, text
