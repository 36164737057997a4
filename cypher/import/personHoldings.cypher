// Natural-person shareholders (自然人股东) and their direct holdings in a firm.
// Parameters:
//   $rows list of maps — {firmKey, personKey, holding (non-null properties), prov}
//     holding.ratio is a fraction (0.35 for 35%); with a bare number ≤ 1 read under a percent
//     convention also ratioAmbiguous, ratioByConvention, ratioAlt, ratioConvention, ratioBasis
//     (importers/kinds/shareholders.ts). A row that gives a ratio replaces the markers of the
//     previous reading, ambiguous or derived, with its own (none when it is unambiguous); a row
//     without one keeps them and the ratio (passes/ratios.ts derives or decides it again).
// Grounds: DOMAIN.md §3 HOLDS_SHARES {ratio, subscribedAmount, paidAmount} Person → Company;
//   §4 ratios arrive as `35%`, `0.35`, `35`, or only as a subscribed amount.
UNWIND $rows AS r
MATCH (c:Company {key: r.firmKey})
MATCH (h:Person {key: r.personKey})
MERGE (h)-[s:HOLDS_SHARES]->(c)
WITH r, s, r.holding.ratio IS NOT NULL AS given
SET s.ratio = coalesce(r.holding.ratio, s.ratio),
    s.ratioText = coalesce(r.holding.ratioText, s.ratioText),
    s.ratioAmbiguous = CASE WHEN given THEN r.holding.ratioAmbiguous ELSE s.ratioAmbiguous END,
    s.ratioByConvention = CASE WHEN given THEN r.holding.ratioByConvention ELSE s.ratioByConvention END,
    s.ratioAlt = CASE WHEN given THEN r.holding.ratioAlt ELSE s.ratioAlt END,
    s.ratioConvention = CASE WHEN given THEN r.holding.ratioConvention ELSE s.ratioConvention END,
    s.ratioBasis = CASE WHEN given THEN r.holding.ratioBasis ELSE s.ratioBasis END,
    s.ratioDerived = CASE WHEN given THEN null ELSE s.ratioDerived END,
    s.ratioDenominatorWan = CASE WHEN given THEN null ELSE s.ratioDenominatorWan END,
    s.ratioDenominatorCurrency = CASE WHEN given THEN null ELSE s.ratioDenominatorCurrency END,
    s.subscribedAmountWan = coalesce(r.holding.subscribedAmountWan, s.subscribedAmountWan),
    s.subscribedCurrency = coalesce(r.holding.subscribedCurrency, s.subscribedCurrency),
    s.subscribedText = coalesce(r.holding.subscribedText, s.subscribedText),
    s.paidAmountWan = coalesce(r.holding.paidAmountWan, s.paidAmountWan),
    s.paidCurrency = coalesce(r.holding.paidCurrency, s.paidCurrency),
    s.holderType = coalesce(r.holding.holderType, s.holderType),
    s.provenance = CASE WHEN r.prov IN coalesce(s.provenance, []) THEN s.provenance
                        ELSE coalesce(s.provenance, []) + r.prov END
