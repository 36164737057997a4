// The history of a firm or person: its change records (变更记录: item, before, after, date) and the
// values a later source replaced (PriorValue: a former name, an earlier status or capital …) with
// the sources that asserted the earlier value and the row that replaced it (the firm's own values:
// a holding's replaced ratio is the holding's history, not the firm's). Newest first; at most
// $limit of each, with the count of all.
// Parameters:
//   $key   string — a firm key or a person key
//   $limit integer — most change records and most prior values returned
// Grounds: DOMAIN.md §3 HAS_CHANGE Company → ChangeRecord {item, before, after, on}; nothing is
//   silently overwritten: the earlier value is kept as history with its source (HAD_VALUE).
CALL () {
  MATCH (s:Company {key: $key}) RETURN s
  UNION
  MATCH (s:Person {key: $key}) RETURN s
}
CALL (s) {
  MATCH (s)-[r:HAS_CHANGE]->(ch:ChangeRecord)
  WITH ch, r ORDER BY ch.changedOn DESC, ch.item, ch.key
  LIMIT $limit
  RETURN collect({key: ch.key, item: ch.item, before: ch.before, after: ch.after, changedOn: ch.changedOn,
                  provenance: coalesce(r.provenance, ch.provenance, [])}) AS changes
}
CALL (s) {
  MATCH (s)-[:HAD_VALUE]->(v:PriorValue) WHERE v.holder IS NULL
  WITH v ORDER BY v.replacedAt DESC, v.property
  LIMIT $limit
  RETURN collect({property: v.property, value: v.value, assertedBy: coalesce(v.assertedBy, []),
                  replacedBy: v.replacedBy, replacedAt: v.replacedAt}) AS priorValues
}
RETURN changes, COUNT { (s)-[:HAS_CHANGE]->(:ChangeRecord) } AS changeTotal,
       priorValues, COUNT { (s)-[:HAD_VALUE]->(v:PriorValue) WHERE v.holder IS NULL } AS priorValueTotal
