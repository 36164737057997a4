// The list entries that name persons themselves (a 失信被执行人 entry, an organiser named in a
// case): shown on a finding about the person beside the flagged firms behind them, never counted
// as a flagged firm.
// Parameters:
//   $keys list of string — person keys
//   $asOf date or null — the day asked about: listings filed on or before it, with validFrom
//         absent or on or before it and validTo absent or after it; null: the current ones
//         (validTo absent)
// Grounds: DOMAIN.md §3 FLAGGED {caseNo, filedOn, amount, victims, source} Company|Person → ListEntry.
UNWIND $keys AS k
MATCH (p:Person {key: k})-[r:FLAGGED]->(l:ListEntry)
WHERE CASE WHEN $asOf IS NULL THEN r.validTo IS NULL
           ELSE coalesce(r.validFrom <= $asOf, true) AND coalesce(r.validTo > $asOf, true) AND coalesce(r.filedOn <= $asOf, true) END
RETURN p.key AS person,
       {entry: l.key, listType: l.listType, caseNo: coalesce(r.caseNo, l.caseNo), filedOn: r.filedOn,
        amountWan: r.amountWan, currency: r.amountCurrency, victims: r.victims, source: coalesce(r.source, l.source)} AS listing
ORDER BY person, listing.listType, listing.entry
