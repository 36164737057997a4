// The firms of shell-cluster candidates as the score needs them — name, status, date of
// establishment, industry and business scope — with the people behind each: legal
// representatives, holders and officers, past ones included, since the people who set a shell up
// are often replaced later.
// Parameters:
//   $keys list of string — firm keys
// Grounds: DOMAIN.md §3 Company {status, establishedOn, industry, businessScope};
//   LEGAL_REPRESENTATIVE_OF, HOLDS_SHARES {ratio}, OFFICER_OF {role}; §5.4 investment-type firms.
UNWIND $keys AS k
MATCH (c:Company {key: k})
CALL (c) {
  MATCH (p:Person)-[r:LEGAL_REPRESENTATIVE_OF|HOLDS_SHARES|OFFICER_OF]->(c)
  WITH p, r ORDER BY p.key, type(r), r.role
  RETURN collect({
    person: p {.key, .name, labels: labels(p)},
    type: type(r), role: r.role, ratio: r.ratio, validFrom: r.validFrom, validTo: r.validTo
  }) AS people
}
RETURN c {.key, .name, .status, .establishedOn, .industry, .businessScope, .regionCode, labels: labels(c)} AS firm, people
