// Firms with filed beneficial owners (受益所有人备案, or BODS declarations such as a declared
// indirect interest), each filing with the node it names as owner — the person (or firm) the
// importer keyed it to, with the name and masked ID number that tell same-name persons apart.
// Parameters:
//   $firm   string or null — one firm's key; null for every firm with a filing in the jurisdiction
//   $prefix string — registration division prefix of the jurisdiction (analyses/regionScope.ts); '' for everywhere; not applied to $firm
//   $asOf   date or null — the day asked about: filings with validFrom absent or on or before it and
//           validTo absent or after it; null: the current ones (validTo absent)
//   $limit  integer — most firms returned, in key order
// Grounds: DOMAIN.md §3 FILED_BO Company → BOFiling {ownerName, ownerKey, ratio, interestType};
//   PBOC/SAMR Order 2024 No. 3 (filed beneficial owners); BODS declared interests (ratio or range).
MATCH (c:Company)-[:FILED_BO]->(b:BOFiling)
WHERE CASE WHEN $firm IS NULL THEN $prefix = '' OR c.regionCode STARTS WITH $prefix ELSE c.key = $firm END
  AND CASE WHEN $asOf IS NULL THEN b.validTo IS NULL
           ELSE coalesce(b.validFrom <= $asOf, true) AND coalesce(b.validTo > $asOf, true) END
WITH DISTINCT c
ORDER BY c.key
LIMIT $limit
CALL (c) {
  MATCH (c)-[:FILED_BO]->(b:BOFiling)
  WHERE CASE WHEN $asOf IS NULL THEN b.validTo IS NULL
             ELSE coalesce(b.validFrom <= $asOf, true) AND coalesce(b.validTo > $asOf, true) END
  OPTIONAL MATCH (op:Person {key: b.ownerKey})
  OPTIONAL MATCH (oc:Company {key: b.ownerKey})
  WITH b, coalesce(op, oc) AS o
  ORDER BY b.ownerName, b.key
  RETURN collect({
    filing: b {.key, .ownerKey, .ownerName, .ownerIdMasked, .interestType, .ratio, .ratioText, .ratioMin, .ratioMax,
               .declaredIndirect, .source, .validFrom, .validTo, labels: labels(b)},
    owner: CASE WHEN o IS NULL THEN null ELSE o {.key, .name, .normalizedName, .idMasked, .keyBasis, labels: labels(o)} END
  }) AS filings
}
RETURN c {.key, .name, labels: labels(c)} AS firm, filings
