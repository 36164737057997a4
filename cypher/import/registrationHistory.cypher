// Before registration rows are written (import/registrations, same transaction): every value a
// row is about to replace with a different one is kept as a PriorValue of the firm, with the
// provenance that asserted it and the row that replaced it. Its own statement, so the values are
// read before any row's SET and the upsert needs no Eager (import/registrations).
// Parameters:
//   $rows list of maps — {key, props (non-null properties only; dates as dates), prov}, no key twice
//     (writeParties.ts generations), exactly as then sent to import/registrations
// Grounds: DOMAIN.md §3 — nothing is silently overwritten; the earlier value is kept as history with its source.
UNWIND $rows AS r
MATCH (c:Company {key: r.key})
FOREACH (changed IN [k IN keys(r.props) WHERE c[k] IS NOT NULL AND c[k] <> r.props[k]] |
  CREATE (c)-[:HAD_VALUE]->(:PriorValue {property: changed, value: c[changed], assertedBy: c.provenance,
                                         replacedBy: r.prov, replacedAt: datetime()}))
