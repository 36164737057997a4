// One firm's registration facts with its current legal representative, its direct shareholders
// and its direct holdings in other firms.
// Parameters:
//   $key string — the firm's domain key (USCC, registration number or unverified key)
// Grounds: DOMAIN.md §3. Relationships whose validTo is set have ended and are not current.
// Persons' full ID numbers are returned; the server masks them on the way out unless the reader
// may see them (model/idMasking.ts).
MATCH (c:Company {key: $key})
CALL (c) {
  OPTIONAL MATCH (lr:Person)-[r:LEGAL_REPRESENTATIVE_OF]->(c)
  WHERE r.validTo IS NULL
  RETURN CASE WHEN lr IS NULL THEN null
              ELSE {kind: 'PERSON', key: lr.key, name: lr.name, identifier: lr.idMasked, idNumber: lr.idNumber} END AS legalRepresentative
  LIMIT 1
}
CALL (c) {
  OPTIONAL MATCH (h)-[s:HOLDS_SHARES]->(c)
  WHERE s.validTo IS NULL
  WITH h, s ORDER BY s.ratio DESC, h.name
  RETURN collect(CASE WHEN h IS NULL THEN null ELSE {
    holder: {kind: CASE WHEN h:Company THEN 'COMPANY' ELSE 'PERSON' END, key: h.key, name: h.name,
             identifier: coalesce(h.uscc, h.registrationNumber, h.idMasked), idNumber: h.idNumber, status: h.status},
    ratio: s.ratio, subscribedAmountWan: s.subscribedAmountWan, subscribedCurrency: s.subscribedCurrency,
    subscribedText: s.subscribedText } END) AS shareholders
}
CALL (c) {
  OPTIONAL MATCH (c)-[s:HOLDS_SHARES]->(t:Company)
  WHERE s.validTo IS NULL
  WITH t, s ORDER BY s.ratio DESC, t.name
  RETURN collect(CASE WHEN t IS NULL THEN null ELSE {
    holder: {kind: 'COMPANY', key: t.key, name: t.name, identifier: coalesce(t.uscc, t.registrationNumber), status: t.status},
    ratio: s.ratio, subscribedAmountWan: s.subscribedAmountWan, subscribedCurrency: s.subscribedCurrency,
    subscribedText: s.subscribedText } END) AS holdings
}
RETURN c {.key, .name, .uscc, .registrationNumber, .keyUnverified, .formerNames, .status, .companyType,
          .registeredCapitalWan, .registeredCapitalCurrency, .registeredCapitalText, .establishedOn,
          .registrationAuthority, .registeredAddress, .businessScope, .regionCode, .regionName} AS company,
       legalRepresentative, shareholders, holdings
