// Upserts firms from registration rows (企业登记), keyed on the firm key. A value that differs
// from the one already held is not lost: the earlier value is kept as a PriorValue with the
// provenance that asserted it, and the row's value becomes current. Importing the same rows again
// changes nothing but adds this run's provenance entry.
// Parameters:
//   $rows list of maps — {key, props (non-null properties only; dates as dates), prov}
//     prov is the provenance entry 'runId/fileNo:row' (file details live on the ImportRun)
// Grounds: DOMAIN.md §3 — nothing is silently overwritten; keys and provenance.
UNWIND $rows AS r
MERGE (c:Company {key: r.key})
WITH c, r
CALL (c, r) {
  UNWIND [k IN keys(r.props) WHERE c[k] IS NOT NULL AND c[k] <> r.props[k]] AS changed
  CREATE (c)-[:HAD_VALUE]->(:PriorValue {property: changed, value: c[changed], assertedBy: c.provenance,
                                         replacedBy: r.prov, replacedAt: datetime()})
}
SET c += r.props,
    c.provenance = CASE WHEN r.prov IN coalesce(c.provenance, []) THEN c.provenance
                        ELSE coalesce(c.provenance, []) + r.prov END
