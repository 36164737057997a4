// Upserts the natural persons named on rows. Keys are decided by the importer (model/keys.ts):
// from a full ID number, else scoped to the firm that names the person, so two same-name people
// are never merged on name alone.
// Parameters:
//   $rows list of maps — {key, props (non-null properties only), prov}
// Grounds: DOMAIN.md §3 person keys and provenance.
UNWIND $rows AS r
MERGE (p:Person {key: r.key})
SET p.name = coalesce(r.props.name, p.name),
    p.normalizedName = coalesce(r.props.normalizedName, p.normalizedName),
    p.namePinyin = coalesce(r.props.namePinyin, p.namePinyin),
    p.keyBasis = coalesce(r.props.keyBasis, p.keyBasis),
    p.idNumber = coalesce(r.props.idNumber, p.idNumber),
    p.idMasked = coalesce(r.props.idMasked, p.idMasked),
    p.idKind = coalesce(r.props.idKind, p.idKind),
    p.idInvalid = coalesce(r.props.idInvalid, p.idInvalid),
    p.birthDate = coalesce(r.props.birthDate, p.birthDate),
    p.sex = coalesce(r.props.sex, p.sex),
    p.provenance = CASE WHEN r.prov IN coalesce(p.provenance, []) THEN p.provenance
                        ELSE coalesce(p.provenance, []) + r.prov END
