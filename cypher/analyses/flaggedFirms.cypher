// The flagged firms a controllers screen starts from: every firm on a list or case of the chosen
// types (非法集资案件, 取缔类, 整改类 …), with each listing's own figures. It starts from the
// ListEntry nodes (a few per thousand firms), never from the firms. Firms come largest amount
// first, so a cap on their number keeps the biggest cases. With a jurisdiction, only the firms
// registered in it count; without, a case filed here against a firm registered elsewhere counts.
// Parameters:
//   $listTypes list of string — ListEntry.listType values that count as a flag
//   $regionPrefix string or null — keep only firms whose registration division code
//              (Company.regionCode) starts with it: the jurisdiction's 2, 4 or 6 digits
//              (analyses/regionScope.ts, as keyword-screen); null: every firm, wherever registered
//   $asOf      date or null — the day asked about: listings filed on or before it, with validFrom
//              absent or on or before it and validTo absent or after it; null: the current ones
//              (validTo absent)
//   $limit     integer — most firms returned (the caller asks for one more than its cap, to know
//              whether the cap was reached)
// Grounds: DOMAIN.md §3 FLAGGED {caseNo, filedOn, amount, victims, source} Company → ListEntry;
//   §5.2 controllers behind several illegal-fundraising firms, ranked by count, amount and victims.
MATCH (l:ListEntry)
WHERE l.listType IN $listTypes
MATCH (f:Company)-[r:FLAGGED]->(l)
WHERE ($regionPrefix IS NULL OR f.regionCode STARTS WITH $regionPrefix)
  AND CASE WHEN $asOf IS NULL THEN r.validTo IS NULL
               ELSE coalesce(r.validFrom <= $asOf, true) AND coalesce(r.validTo > $asOf, true) AND coalesce(r.filedOn <= $asOf, true) END
WITH f, l, r
ORDER BY l.key
WITH f, collect({
  entry: l.key, listType: l.listType, caseNo: coalesce(r.caseNo, l.caseNo), filedOn: r.filedOn,
  amountWan: r.amountWan, currency: r.amountCurrency, victims: r.victims, source: coalesce(r.source, l.source)
}) AS listings, sum(coalesce(r.amountWan, 0.0)) AS amount
ORDER BY amount DESC, f.key
LIMIT $limit
RETURN {kind: 'COMPANY', key: f.key, name: f.name, idMasked: null, status: f.status} AS firm, f.regionCode AS regionCode, listings
