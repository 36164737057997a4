// The direct holdings of a profile's entity, both ways, with what the registry says of each: the
// shareholders of a firm (in) and the firms an entity holds shares in (out), current and ended,
// each with its ratio as given, subscribed capital, dates and provenance. Current holdings first,
// largest first; at most $limit each way, with the count of all. (Effective % comes from the
// ownership walk of analyses/ownershipGraph.ts, not from here.)
// Parameters:
//   $key   string — a firm key or a person key (a person has no holders)
//   $limit integer — most holdings returned each way
// Grounds: DOMAIN.md §3 HOLDS_SHARES {ratio, subscribedAmount, paidAmount} Person|Company → Company.
CALL () {
  MATCH (a:Company {key: $key}) RETURN a
  UNION
  MATCH (a:Person {key: $key}) RETURN a
}
CALL (a) {
  MATCH (h)-[s:HOLDS_SHARES]->(a)
  WITH h, s ORDER BY CASE WHEN s.validTo IS NULL THEN 0 ELSE 1 END, coalesce(s.ratio, -1.0) DESC, h.name, h.key
  LIMIT $limit
  RETURN collect({
    party: {kind: CASE WHEN h:Company THEN 'COMPANY' ELSE 'PERSON' END, key: h.key, name: h.name,
            identifier: coalesce(h.uscc, h.registrationNumber, h.idMasked), idNumber: h.idNumber, status: h.status},
    ratio: s.ratio, ratioText: s.ratioText, subscribedAmountWan: s.subscribedAmountWan,
    subscribedCurrency: s.subscribedCurrency, subscribedText: s.subscribedText, validFrom: s.validFrom,
    validTo: s.validTo, provenance: coalesce(s.provenance, [])}) AS holders
}
CALL (a) {
  MATCH (a)-[s:HOLDS_SHARES]->(f:Company)
  WITH f, s ORDER BY CASE WHEN s.validTo IS NULL THEN 0 ELSE 1 END, coalesce(s.ratio, -1.0) DESC, f.name, f.key
  LIMIT $limit
  RETURN collect({
    party: {kind: 'COMPANY', key: f.key, name: f.name, identifier: coalesce(f.uscc, f.registrationNumber), status: f.status},
    ratio: s.ratio, ratioText: s.ratioText, subscribedAmountWan: s.subscribedAmountWan,
    subscribedCurrency: s.subscribedCurrency, subscribedText: s.subscribedText, validFrom: s.validFrom,
    validTo: s.validTo, provenance: coalesce(s.provenance, [])}) AS holdings
}
RETURN holders, COUNT { ()-[:HOLDS_SHARES]->(a) } AS holderTotal,
       holdings, COUNT { (a)-[:HOLDS_SHARES]->(:Company) } AS holdingTotal
