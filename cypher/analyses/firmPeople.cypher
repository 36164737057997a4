// The people a beneficial-owner answer names besides the holders: the firm's legal
// representative and officers (for the control flags and the last-resort rule), and the
// beneficial owners the firm filed (to set what was declared beside what the holdings compute);
// and the firm itself, so that a caller who sent a key learns from this answer whether it exists.
// Parameters:
//   $key  string — the firm's domain key
//   $asOf date or null — the day asked about: relationships and filings with validFrom absent or
//         on or before it and validTo absent or after it; null: the current ones (validTo absent)
// Grounds: DOMAIN.md §3 LEGAL_REPRESENTATIVE_OF, OFFICER_OF {role}, FILED_BO → BOFiling; §5.1 the
//   last-resort rule (负责日常经营管理的人员 / 高级管理人员) of Order 2024 No. 3 and No. 164.
MATCH (c:Company {key: $key})
CALL (c) {
  OPTIONAL MATCH (p:Person)-[r:LEGAL_REPRESENTATIVE_OF|OFFICER_OF]->(c)
  WHERE CASE WHEN $asOf IS NULL THEN r.validTo IS NULL
             ELSE coalesce(r.validFrom <= $asOf, true) AND coalesce(r.validTo > $asOf, true) END
  WITH p, r ORDER BY p.key, type(r), r.role
  RETURN collect(CASE WHEN p IS NULL THEN null ELSE {
    person: {kind: 'PERSON', key: p.key, name: p.name, idMasked: p.idMasked},
    type: type(r), role: r.role, validFrom: r.validFrom, validTo: r.validTo
  } END) AS roles
}
CALL (c) {
  OPTIONAL MATCH (c)-[:FILED_BO]->(b:BOFiling)
  WHERE CASE WHEN $asOf IS NULL THEN b.validTo IS NULL
             ELSE coalesce(b.validFrom <= $asOf, true) AND coalesce(b.validTo > $asOf, true) END
  RETURN collect(CASE WHEN b IS NULL THEN null ELSE {ownerKey: b.ownerKey, ratio: b.ratio, interestType: b.interestType} END) AS filings
}
RETURN {kind: 'COMPANY', key: c.key, name: c.name, identifier: coalesce(c.uscc, c.registrationNumber), note: c.status} AS firm,
       roles, filings
