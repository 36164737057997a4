// Upserts firms from registration rows (企业登记), keyed on the firm key, so importing the same
// rows again changes nothing but adds this run's provenance entry.
// Parameters:
//   $rows list of maps — {key, props (non-null properties only), establishedOn (ISO date or null), prov}
//     prov is the provenance entry 'runId/fileNo:row' (file details live on the ImportRun)
// Grounds: DOMAIN.md §3 keys and provenance; properties absent from a row are left as they were.
UNWIND $rows AS r
MERGE (c:Company {key: r.key})
SET c += r.props,
    c.establishedOn = CASE WHEN r.establishedOn IS NULL THEN c.establishedOn ELSE date(r.establishedOn) END,
    c.provenance = CASE WHEN r.prov IN coalesce(c.provenance, []) THEN c.provenance
                        ELSE coalesce(c.provenance, []) + r.prov END
