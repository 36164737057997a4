// Puts a person on a list or case (名单/案件: illegal-fundraising case filed, 取缔类, 整改类, violating
// venue, 微盘 platform, tip-off …). One ListEntry per list type and case number (or per list type
// and subject when the list gives no number).
// Parameters:
//   $rows list of maps — {subjectKey, entry: {key, listType, caseNo, props}, flag (filedOn, amountWan, victims, source, note), prov}
// Grounds: DOMAIN.md §3 FLAGGED {caseNo, filedOn, amount, victims, source} Company|Person → ListEntry.
UNWIND $rows AS r
MATCH (s:Person {key: r.subjectKey})
MERGE (l:ListEntry {key: r.entry.key})
ON CREATE SET l.listType = r.entry.listType, l.caseNo = r.entry.caseNo
SET l += r.entry.props,
    l.provenance = CASE WHEN r.prov IN coalesce(l.provenance, []) THEN l.provenance
                        ELSE coalesce(l.provenance, []) + r.prov END
MERGE (s)-[f:FLAGGED]->(l)
SET f += r.flag,
    f.provenance = CASE WHEN r.prov IN coalesce(f.provenance, []) THEN f.provenance
                        ELSE coalesce(f.provenance, []) + r.prov END
