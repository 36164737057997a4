// Before BODS persons are written (import/bods/persons, same transaction): what a newer statement
// changes of a person already keyed to its record is kept as a PriorValue, as registrations keep
// theirs. Its own statement, so the values are read before any row's SET (no Eager).
// Parameters:
//   $rows list of maps — as for import/bods/persons, no key twice (writeParties.ts generations)
// Grounds: DOMAIN.md §3 "nothing is silently overwritten".
UNWIND $rows AS r
MATCH (p:Person {key: r.key})
WHERE r.statementDate >= p.bodsStatementDate
FOREACH (changed IN [k IN ['name', 'personType', 'nationality', 'birthDate', 'birthDateText']
                     WHERE p[k] IS NOT NULL AND (r.props[k] IS NULL OR p[k] <> r.props[k])] |
  CREATE (p)-[:HAD_VALUE]->(:PriorValue {property: changed, value: p[changed], assertedBy: p.provenance,
                                         replacedBy: r.prov, replacedAt: datetime()}))
