// Puts a person on a list or case (名单/案件: illegal-fundraising case filed, 取缔类, 整改类, violating
// venue, 微盘 platform, tip-off …): the FLAGGED link with the case's figures. The ListEntry exists
// already (import/listEntries, same transaction).
// Parameters:
//   $rows list of maps — {subjectKey, entryKey, flag (caseNo, filedOn, amountWan, amountCurrency, amountText, victims, source, note), prov}
// Grounds: DOMAIN.md §3 FLAGGED {caseNo, filedOn, amount, victims, source} Company|Person → ListEntry.
UNWIND $rows AS r
MATCH (s:Person {key: r.subjectKey})
MATCH (l:ListEntry {key: r.entryKey})
MERGE (s)-[f:FLAGGED]->(l)
SET f.caseNo = coalesce(r.flag.caseNo, f.caseNo),
    f.filedOn = coalesce(r.flag.filedOn, f.filedOn),
    f.amountWan = coalesce(r.flag.amountWan, f.amountWan),
    f.amountCurrency = coalesce(r.flag.amountCurrency, f.amountCurrency),
    f.amountText = coalesce(r.flag.amountText, f.amountText),
    f.victims = coalesce(r.flag.victims, f.victims),
    f.source = coalesce(r.flag.source, f.source),
    f.note = coalesce(r.flag.note, f.note),
    f.provenance = CASE WHEN r.prov IN coalesce(f.provenance, []) THEN f.provenance
                        ELSE coalesce(f.provenance, []) + r.prov END
