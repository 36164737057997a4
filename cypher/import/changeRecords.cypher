// Change records (变更记录) of firms: item, before, after, date. Keyed by firm, item, date and
// content, so importing the same record again adds none. (The earlier name of a name change is
// added to the firm by import/formerNames.)
// Parameters:
//   $rows list of maps — {firmKey, change: {key, item, before, after, changedOn (a date or null)}, prov}
// Grounds: DOMAIN.md §3 HAS_CHANGE Company → ChangeRecord {item, before, after, on}; change records are history.
UNWIND $rows AS r
MATCH (c:Company {key: r.firmKey})
MERGE (ch:ChangeRecord {key: r.change.key})
ON CREATE SET ch.item = r.change.item, ch.before = r.change.before, ch.after = r.change.after,
              ch.changedOn = r.change.changedOn
SET ch.provenance = CASE WHEN r.prov IN coalesce(ch.provenance, []) THEN ch.provenance
                        ELSE coalesce(ch.provenance, []) + r.prov END
MERGE (c)-[s:HAS_CHANGE]->(ch)
SET s.provenance = CASE WHEN r.prov IN coalesce(s.provenance, []) THEN s.provenance
                        ELSE coalesce(s.provenance, []) + r.prov END
