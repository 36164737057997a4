// Makes sure the firm named on a shareholder row (股东及出资) exists: a registration may not have
// been imported for it yet. Only identifying properties are set, and only on creation, so a
// shareholder file never overwrites registration facts.
// Parameters:
//   $rows list of maps — {key, props: {name, normalizedName, uscc, registrationNumber, keyBasis, keyUnverified}, prov}
// Grounds: DOMAIN.md §3 keys and provenance.
UNWIND $rows AS r
MERGE (c:Company {key: r.key})
ON CREATE SET c += r.props
SET c.provenance = CASE WHEN r.prov IN coalesce(c.provenance, []) THEN c.provenance
                        ELSE coalesce(c.provenance, []) + r.prov END
