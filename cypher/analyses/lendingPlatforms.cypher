// Lending platforms (网贷 / P2P) and the borrowers each disclosed (借款人披露): a ListEntry of a
// disclosure list type, flagged by every borrower (firm or person) with the amount and date, tied
// to its platform by the platform's code at the end of the case number
// (`借款人披露-<platform USCC>`), else by the platform's exact name as the list's source. A list
// whose platform is not in the graph comes back with platform null, so the gap can be reported.
// Parameters:
//   $listTypes list of string — list types that disclose a platform's borrowers (P2P平台借款人)
//   $platform  string or null — one platform's key; null for all
//   $prefix    string — registration division prefix of the jurisdiction (analyses/regionScope.ts); '' for everywhere
// Grounds: DOMAIN.md §3 FLAGGED {caseNo, filedOn, amount, source} Company|Person → ListEntry;
//   §5.7 P2P self-financing (自融); generator/README.md (the disclosure's columns).
MATCH (l:ListEntry)
WHERE l.listType IN $listTypes
WITH l, CASE WHEN l.caseNo CONTAINS '-' THEN last(split(l.caseNo, '-')) END AS code
OPTIONAL MATCH (byCode:Company {key: code})
OPTIONAL MATCH (byName:Company {name: l.source})
WITH l, byCode, collect(DISTINCT byName) AS named
WITH l, coalesce(byCode, CASE WHEN size(named) = 1 THEN named[0] END) AS p
WHERE (p IS NULL AND $platform IS NULL)
   OR (($platform IS NULL OR p.key = $platform) AND ($prefix = '' OR p.regionCode STARTS WITH $prefix))
CALL (l) {
  MATCH (b)-[f:FLAGGED]->(l)
  WITH b, f ORDER BY b.key
  RETURN collect({
    borrower: b {.key, .name, labels: labels(b)},
    amountWan: f.amountWan, filedOn: f.filedOn, caseNo: f.caseNo
  }) AS borrowers
}
RETURN CASE WHEN p IS NULL THEN null ELSE p {.key, .name, .status, .industry, .businessScope, labels: labels(p)} END AS platform,
       l {.key, .listType, .caseNo, .source, labels: labels(l)} AS list,
       borrowers
ORDER BY platform.key, list.key
