// The people who represent or manage given firms: legal representatives (LEGAL_REPRESENTATIVE_OF)
// and officers (OFFICER_OF: 执行董事, 总经理, 监事 …), for the controllers screen.
// Per firm it returns how many such relationships it has in all (so a fan-out cap is reported,
// never silent) and at most $fanOut of them, legal representatives first.
// Parameters:
//   $keys   list of string — firm keys
//   $asOf   date or null — the day asked about: offices with validFrom absent or on or before it
//           and validTo absent or after it; null: the current ones (validTo absent)
//   $fanOut integer — most relationships returned per firm
// Grounds: DOMAIN.md §3 LEGAL_REPRESENTATIVE_OF, OFFICER_OF {role} Person → Company; §5.2 people
//   who control, hold or legally represent flagged firms.
UNWIND $keys AS k
MATCH (c:Company {key: k})
CALL (c) {
  OPTIONAL MATCH (:Person)-[r:LEGAL_REPRESENTATIVE_OF|OFFICER_OF]->(c)
  WHERE CASE WHEN $asOf IS NULL THEN r.validTo IS NULL
             ELSE coalesce(r.validFrom <= $asOf, true) AND coalesce(r.validTo > $asOf, true) END
  RETURN count(r) AS degree
}
CALL (c) {
  MATCH (p:Person)-[r:LEGAL_REPRESENTATIVE_OF|OFFICER_OF]->(c)
  WHERE CASE WHEN $asOf IS NULL THEN r.validTo IS NULL
             ELSE coalesce(r.validFrom <= $asOf, true) AND coalesce(r.validTo > $asOf, true) END
  WITH p, r
  ORDER BY CASE type(r) WHEN 'LEGAL_REPRESENTATIVE_OF' THEN 0 ELSE 1 END, p.key, r.role
  LIMIT $fanOut
  RETURN collect({
    person: {kind: 'PERSON', key: p.key, name: p.name, idMasked: p.idMasked, status: null},
    type: type(r), role: r.role, validFrom: r.validFrom, validTo: r.validTo
  }) AS roles
}
RETURN k AS key, degree, roles
