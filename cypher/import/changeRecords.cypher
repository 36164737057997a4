// Change records (变更记录) of firms: item, before, after, date. Keyed by firm, item, date and
// content, so importing the same record again adds none. A name change also adds the earlier name
// to the firm's former names, so searches and name matching find it.
// Parameters:
//   $rows list of maps — {firmKey, change: {key, item, before, after, changedOn (a date or null), isNameChange, normalizedBefore}, prov}
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
WITH c, r WHERE r.change.isNameChange AND r.change.before IS NOT NULL AND NOT r.change.before IN coalesce(c.formerNames, [])
  AND r.change.before <> c.name
SET c.formerNames = coalesce(c.formerNames, []) + r.change.before,
    c.normalizedFormerNames = coalesce(c.normalizedFormerNames, []) + r.change.normalizedBefore,
    c.formerNamesText = CASE WHEN c.formerNamesText IS NULL THEN r.change.before ELSE c.formerNamesText + '；' + r.change.before END
