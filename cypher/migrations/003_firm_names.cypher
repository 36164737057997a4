// A page of firms, by key, with the names their pinyin is computed from (migration 3). A firm
// without a normalised name was named by its code only (importers/kinds/parties.ts): it has no
// name to spell in pinyin, as a new import leaves it.
// Parameters:
//   $after string — the last key of the previous page ('' for the first)
//   $limit integer — page size
// Grounds: issue 12 (search by pinyin); model/names.ts pinyinForms.
MATCH (c:Company)
WHERE c.key > $after
WITH c ORDER BY c.key LIMIT $limit
RETURN c.key AS key, CASE WHEN c.normalizedName IS NULL THEN null ELSE c.name END AS name, c.formerNames AS formerNames
ORDER BY key
