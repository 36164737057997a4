// Natural-person shareholders (自然人股东) and their direct holdings in a firm.
// Parameters:
//   $rows list of maps — {firmKey, personKey, holding (non-null properties), prov}
//     holding.ratio is a fraction (0.35 for 35%)
// Grounds: DOMAIN.md §3 HOLDS_SHARES {ratio, subscribedAmount, paidAmount} Person → Company.
UNWIND $rows AS r
MATCH (c:Company {key: r.firmKey})
MATCH (h:Person {key: r.personKey})
MERGE (h)-[s:HOLDS_SHARES]->(c)
SET s.ratio = coalesce(r.holding.ratio, s.ratio),
    s.ratioText = coalesce(r.holding.ratioText, s.ratioText),
    s.subscribedAmountWan = coalesce(r.holding.subscribedAmountWan, s.subscribedAmountWan),
    s.subscribedCurrency = coalesce(r.holding.subscribedCurrency, s.subscribedCurrency),
    s.subscribedText = coalesce(r.holding.subscribedText, s.subscribedText),
    s.paidAmountWan = coalesce(r.holding.paidAmountWan, s.paidAmountWan),
    s.paidCurrency = coalesce(r.holding.paidCurrency, s.paidCurrency),
    s.holderType = coalesce(r.holding.holderType, s.holderType),
    s.provenance = CASE WHEN r.prov IN coalesce(s.provenance, []) THEN s.provenance
                        ELSE coalesce(s.provenance, []) + r.prov END
