// The firms a person represents or serves, once each with every role held there (法定代表人,
// 执行董事, 总经理 …), each role with its dates and provenance; current roles first. At most $limit
// firms, with the count of all. (The firms the person holds shares in come from profile/holdings.)
// Parameters:
//   $key   string — the person's key
//   $limit integer — most firms returned
// Grounds: DOMAIN.md §3 LEGAL_REPRESENTATIVE_OF and OFFICER_OF {role} Person → Company, with
//   validFrom/validTo (validTo set: the role has ended).
MATCH (p:Person {key: $key})
CALL (p) {
  MATCH (p)-[r:LEGAL_REPRESENTATIVE_OF|OFFICER_OF]->(c:Company)
  WITH c, r
  ORDER BY CASE WHEN r.validTo IS NULL THEN 0 ELSE 1 END, CASE type(r) WHEN 'LEGAL_REPRESENTATIVE_OF' THEN 0 ELSE 1 END, r.role
  WITH c, collect({legalRepresentative: type(r) = 'LEGAL_REPRESENTATIVE_OF', role: r.role, validFrom: r.validFrom,
                   validTo: r.validTo, provenance: coalesce(r.provenance, [])}) AS roles,
       min(CASE WHEN r.validTo IS NULL THEN 0 ELSE 1 END) AS ended
  ORDER BY ended, c.name, c.key
  RETURN collect({firm: {kind: 'COMPANY', key: c.key, name: c.name, identifier: coalesce(c.uscc, c.registrationNumber),
                         status: c.status, address: c.registeredAddress},
                  roles: roles}) AS firms
}
RETURN firms[..$limit] AS firms, size(firms) AS total
