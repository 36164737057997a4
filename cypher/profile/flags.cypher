// The lists and cases a firm or person is on (名单/案件: illegal-fundraising case filed, 取缔类,
// 整改类, violating venue, 微盘 platform, tip-off, context lists …): each entry with its canonical
// type and the spelling given, the case's figures on the link, and the provenance of both. Filed
// cases newest first; at most $limit, with the count of all.
// Parameters:
//   $key   string — a firm key or a person key
//   $limit integer — most entries returned
// Grounds: DOMAIN.md §3 FLAGGED {caseNo, filedOn, amount, victims, source} Company|Person → ListEntry.
CALL () {
  MATCH (s:Company {key: $key}) RETURN s
  UNION
  MATCH (s:Person {key: $key}) RETURN s
}
CALL (s) {
  MATCH (s)-[f:FLAGGED]->(l:ListEntry)
  WITH f, l ORDER BY f.filedOn DESC, l.listType, l.key
  LIMIT $limit
  RETURN collect({
    key: l.key, listType: l.listType, listTypeCode: l.listTypeCode, listTypeText: l.listTypeText, name: l.name,
    caseNo: coalesce(f.caseNo, l.caseNo), issuer: l.issuer, filedOn: f.filedOn, amountWan: f.amountWan,
    amountCurrency: f.amountCurrency, amountText: f.amountText, victims: f.victims,
    source: coalesce(f.source, l.source), note: coalesce(f.note, l.note),
    provenance: coalesce(f.provenance, []), entryProvenance: coalesce(l.provenance, [])}) AS flags
}
RETURN flags, COUNT { (s)-[:FLAGGED]->(:ListEntry) } AS total
