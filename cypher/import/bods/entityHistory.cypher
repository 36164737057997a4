// Before BODS firms are written (import/bods/entities, same transaction): the name a newer BODS
// statement replaces, on a firm whose name came from an earlier BODS statement, is kept as a
// PriorValue. Its own statement, so the name is read before any row's SET (no Eager).
// Parameters:
//   $rows list of maps — as for import/bods/entities, no key twice (writeParties.ts generations)
// Grounds: DOMAIN.md §3 "nothing is silently overwritten".
UNWIND $rows AS r
MATCH (c:Company {key: r.key})
WHERE r.statementDate > c.bodsNameDate AND r.props.name <> c.name
CREATE (c)-[:HAD_VALUE]->(:PriorValue {property: 'name', value: c.name, assertedBy: c.provenance,
                                       replacedBy: r.prov, replacedAt: datetime()})
