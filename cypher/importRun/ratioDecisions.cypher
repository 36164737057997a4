// Writes what passes/ratios.ts decided for holdings: the ratio in effect and how it was arrived
// at. A null removes the property (a ratio that can no longer be derived is unknown again).
// Only ambiguous or derived ratios, or missing ones, come here: a ratio a row gave is never
// overwritten.
// Parameters:
//   $rows list of maps — {id (element id of the HOLDS_SHARES), ratio, basis, derived,
//     denominatorWan, denominatorCurrency}
// Grounds: DOMAIN.md §4 the ratio of a subscribed amount is the amount over the registered capital;
//   nothing is decided silently (each decision is also a finding in the run's report).
UNWIND $rows AS r
MATCH ()-[s:HOLDS_SHARES]->()
WHERE elementId(s) = r.id
SET s.ratio = r.ratio,
    s.ratioBasis = r.basis,
    s.ratioDerived = r.derived,
    s.ratioDenominatorWan = r.denominatorWan,
    s.ratioDenominatorCurrency = r.denominatorCurrency
