// Links each firm to its legal representative (法定代表人) named on a registration row, creating
// the person when new. The person key is decided by the importer (model/keys.ts): from a full ID
// number, else scoped to this firm, so two same-name people are never merged on name alone.
// Parameters:
//   $rows list of maps — {firmKey, person: {key, props}, prov}
// Grounds: DOMAIN.md §3 LEGAL_REPRESENTATIVE_OF Person → Company.
UNWIND $rows AS r
MATCH (c:Company {key: r.firmKey})
MERGE (p:Person {key: r.person.key})
SET p += r.person.props,
    p.provenance = CASE WHEN r.prov IN coalesce(p.provenance, []) THEN p.provenance
                        ELSE coalesce(p.provenance, []) + r.prov END
MERGE (p)-[l:LEGAL_REPRESENTATIVE_OF]->(c)
SET l.provenance = CASE WHEN r.prov IN coalesce(l.provenance, []) THEN l.provenance
                        ELSE coalesce(l.provenance, []) + r.prov END
