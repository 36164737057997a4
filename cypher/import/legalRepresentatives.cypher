// Links firms to their legal representatives (法定代表人). Both exist already (import/firmRefs or
// import/registrations, and import/persons).
// Parameters:
//   $rows list of maps — {firmKey, personKey, prov}
// Grounds: DOMAIN.md §3 LEGAL_REPRESENTATIVE_OF Person → Company.
UNWIND $rows AS r
MATCH (c:Company {key: r.firmKey})
MATCH (p:Person {key: r.personKey})
MERGE (p)-[l:LEGAL_REPRESENTATIVE_OF]->(c)
SET l.provenance = CASE WHEN r.prov IN coalesce(l.provenance, []) THEN l.provenance
                        ELSE coalesce(l.provenance, []) + r.prov END
