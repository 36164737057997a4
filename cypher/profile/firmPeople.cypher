// The people of a firm's profile: everyone who is or was its legal representative or an officer,
// once each with every role they hold (a person who is 执行董事 and 总经理 is one line with two
// roles), each role with its dates and provenance; current roles first. At most $limit people,
// with the count of all.
// Parameters:
//   $key   string — the firm's key
//   $limit integer — most people returned
// Grounds: DOMAIN.md §3 LEGAL_REPRESENTATIVE_OF and OFFICER_OF {role} Person → Company, with
//   validFrom/validTo (validTo set: the role has ended). The full ID number is masked on output.
MATCH (c:Company {key: $key})
CALL (c) {
  MATCH (p:Person)-[r:LEGAL_REPRESENTATIVE_OF|OFFICER_OF]->(c)
  WITH p, r
  ORDER BY CASE WHEN r.validTo IS NULL THEN 0 ELSE 1 END, CASE type(r) WHEN 'LEGAL_REPRESENTATIVE_OF' THEN 0 ELSE 1 END, r.role
  WITH p, collect({legalRepresentative: type(r) = 'LEGAL_REPRESENTATIVE_OF', role: r.role, validFrom: r.validFrom,
                   validTo: r.validTo, provenance: coalesce(r.provenance, [])}) AS roles,
       min(CASE WHEN r.validTo IS NULL THEN 0 ELSE 1 END) AS ended
  ORDER BY ended, p.name, p.key
  RETURN collect({person: {kind: 'PERSON', key: p.key, name: p.name, identifier: p.idMasked, idNumber: p.idNumber},
                  roles: roles}) AS people
}
RETURN people[..$limit] AS people, size(people) AS total
