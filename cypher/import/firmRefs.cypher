// Makes sure every firm a row refers to exists (a registration may not have been imported for it
// yet). Only identifying properties are set, and only on creation, so a reference never
// overwrites registration facts; the row's provenance entry is added either way.
// Parameters:
//   $rows list of maps — {key, props: {name, normalizedName, namePinyin, uscc, registrationNumber, keyBasis, keyUnverified}, prov}
// Grounds: DOMAIN.md §3 keys and provenance.
UNWIND $rows AS r
MERGE (c:Company {key: r.key})
ON CREATE SET c.name = r.props.name,
              c.normalizedName = r.props.normalizedName,
              c.namePinyin = r.props.namePinyin,
              c.uscc = r.props.uscc,
              c.registrationNumber = r.props.registrationNumber,
              c.keyBasis = r.props.keyBasis,
              c.keyUnverified = r.props.keyUnverified,
              c.invalidCode = r.props.invalidCode
SET c.provenance = CASE WHEN r.prov IN coalesce(c.provenance, []) THEN c.provenance
                        ELSE coalesce(c.provenance, []) + r.prov END
