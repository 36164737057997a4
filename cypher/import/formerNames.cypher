// Adds the earlier name of a firm's name change (变更记录, 名称变更) to its former names, so searches
// and name matching find it; a name it already has, current or former, is not added again. The
// test sits inside the one SET (which reads the firm as it was before the clause), so no Eager.
// Parameters:
//   $rows list of maps — {firmKey, formerName, normalizedFormerName, formerNamePinyin (model/names.ts
//     pinyinForms)}, no firm twice (generations)
// Grounds: DOMAIN.md §2 — names are matched after normalising, former names included.
UNWIND $rows AS r
MATCH (c:Company {key: r.firmKey})
// The same test three times: a WITH computing it once would read the firm in an operator of its
// own, before the SET, which needs an Eager.
SET c.formerNames = CASE WHEN NOT r.formerName IN coalesce(c.formerNames, []) AND r.formerName <> c.name
                         THEN coalesce(c.formerNames, []) + r.formerName ELSE c.formerNames END,
    c.normalizedFormerNames = CASE WHEN NOT r.formerName IN coalesce(c.formerNames, []) AND r.formerName <> c.name
                                   THEN coalesce(c.normalizedFormerNames, []) + r.normalizedFormerName
                                   ELSE c.normalizedFormerNames END,
    c.formerNamesText = CASE WHEN NOT r.formerName IN coalesce(c.formerNames, []) AND r.formerName <> c.name
                             THEN CASE WHEN c.formerNamesText IS NULL THEN r.formerName
                                       ELSE c.formerNamesText + '；' + r.formerName END
                             ELSE c.formerNamesText END,
    c.formerNamesPinyin = CASE WHEN NOT r.formerName IN coalesce(c.formerNames, []) AND r.formerName <> c.name
                               THEN CASE WHEN r.formerNamePinyin IS NULL OR c.formerNamesPinyin IS NULL
                                         THEN coalesce(c.formerNamesPinyin, r.formerNamePinyin)
                                         ELSE c.formerNamesPinyin + ' ' + r.formerNamePinyin END
                               ELSE c.formerNamesPinyin END
