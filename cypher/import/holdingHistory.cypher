// Before shareholder rows are written (import/personHoldings, import/firmHoldings): every value of
// an existing holding that a row is about to replace is kept as a PriorValue of the held firm,
// naming the holder, with the provenance that asserted it and the row that replaced it. A row
// that gives a ratio also replaces the markers of the previous reading (ratioAmbiguous …); a
// marker the holding had and the row has not is kept too, and one the row adds is kept as a
// PriorValue without a value (the holding had none), so that a retraction restores the reading
// exactly. Its own statement, so that it reads the holdings before any row's SET.
// Parameters:
//   $rows list of maps — {firmKey, holderKey (a person's or a firm's key), holding (non-null
//     properties), prov}, as then sent to import/personHoldings and import/firmHoldings
//   $markers list of strings — the ratio markers a given ratio replaces (importers/kinds/shareholders.ts)
// Grounds: DOMAIN.md §3 — nothing is silently overwritten; a share changed by a later source keeps
//   its earlier value and source, and retracting the later run makes the earlier one current again.
UNWIND $rows AS r
MATCH (c:Company {key: r.firmKey})<-[s:HOLDS_SHARES]-(h)
WHERE h.key = r.holderKey
WITH r, c, s,
     keys(r.holding) + CASE WHEN r.holding.ratio IS NOT NULL
                            THEN [m IN $markers WHERE NOT m IN keys(r.holding)] ELSE [] END AS touched
FOREACH (changed IN [k IN touched WHERE (s[k] IS NULL) <> (r.holding[k] IS NULL) OR s[k] <> r.holding[k]] |
  CREATE (c)-[:HAD_VALUE]->(:PriorValue {property: changed, value: s[changed], holder: r.holderKey,
                                         assertedBy: s.provenance, replacedBy: r.prov, replacedAt: datetime()}))
