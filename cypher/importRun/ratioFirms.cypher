// The firms whose ratios a run may have left undecided or wrong, read a page at a time in key
// order: of the next $limit firms the run touched (its provenance on the firm: a registration, or
// a shareholder row naming it), those whose current holdings include an ambiguous ratio, a ratio
// derived from a subscribed amount, a subscribed amount without a ratio, or sum to more than
// $overSum. `last` is the page's last key (null: no firm left), where the next page starts;
// `seen` how many firms the page read (fewer than $limit: the last page).
// Parameters:
//   $prefix string — 'runId/'; $after string — `last` of the previous page ('' first)
//   $limit integer — firms per page; $overSum number — a sum above it is flagged
// Grounds: DOMAIN.md §3 HOLDS_SHARES {ratio, subscribedAmount} with validTo (a holding with validTo
//   set has ended); §4 ratios arrive as `35%`, `0.35`, `35`, or only as a subscribed amount.
MATCH (c:Company)
WHERE c.key > $after AND any(e IN c.provenance WHERE e STARTS WITH $prefix)
WITH c ORDER BY c.key
LIMIT $limit
CALL (c) {
  OPTIONAL MATCH ()-[s:HOLDS_SHARES]->(c)
  WHERE s.validTo IS NULL
  RETURN sum(coalesce(s.ratio, 0.0)) AS total,
         count(CASE WHEN s.ratioAmbiguous OR s.ratioDerived OR (s.ratio IS NULL AND s.subscribedAmountWan IS NOT NULL)
                    THEN 1 END) AS open
}
RETURN collect(CASE WHEN open > 0 OR total > $overSum THEN c.key END) AS keys, max(c.key) AS last, count(c) AS seen
