// For each firm named, what deciding its holdings' ratios needs: its registered capital, and each
// current holding with its ratio as stored, the ratio's readings and markers, the subscribed
// amount, and the provenance entries (this run's last one, and the last of any run) the findings
// point at.
// Parameters:
//   $keys list of string — firm keys
//   $prefix string or null — 'runId/' of the run whose rows the findings name first (null: none,
//           as after a retract)
// Grounds: DOMAIN.md §3 Company {registeredCapital}, HOLDS_SHARES {ratio, subscribedAmount} with
//   validTo; §4 the ratio of a subscribed amount is the amount over the registered capital.
UNWIND $keys AS k
MATCH (c:Company {key: k})
CALL (c) {
  OPTIONAL MATCH (h)-[s:HOLDS_SHARES]->(c)
  WHERE s.validTo IS NULL
  WITH s, h ORDER BY h.key
  RETURN collect(CASE WHEN s IS NULL THEN null ELSE {
    id: elementId(s), holder: h.name, ratio: s.ratio, ratioText: s.ratioText,
    ratioAmbiguous: coalesce(s.ratioAmbiguous, false), ratioByConvention: s.ratioByConvention, ratioAlt: s.ratioAlt,
    ratioConvention: s.ratioConvention, ratioBasis: s.ratioBasis, ratioDerived: coalesce(s.ratioDerived, false),
    ratioDenominatorWan: s.ratioDenominatorWan, ratioDenominatorCurrency: s.ratioDenominatorCurrency,
    subscribedAmountWan: s.subscribedAmountWan, subscribedCurrency: s.subscribedCurrency, subscribedText: s.subscribedText,
    ratioMin: s.ratioMin, ratioMax: s.ratioMax,
    runProv: CASE WHEN $prefix IS NULL THEN null ELSE [e IN s.provenance WHERE e STARTS WITH $prefix][-1] END,
    lastProv: s.provenance[-1]
  } END) AS holdings
}
RETURN c.key AS key, c.name AS name, c.registeredCapitalWan AS capitalWan, c.registeredCapitalCurrency AS capitalCurrency,
       c.registeredCapitalText AS capitalText,
       CASE WHEN $prefix IS NULL THEN null ELSE [e IN c.provenance WHERE e STARTS WITH $prefix][-1] END AS runProv,
       holdings
