// Search, NAME exactly (analyses/search.ts): the firms whose normalised name is the text's.
// Parameters:
//   $normalized string — model/names.ts normalizeName of the text (traditional folded)
//   $candidates integer — most hits
// Grounds: DOMAIN.md §2 — names are matched after normalising.
MATCH (c:Company {normalizedName: $normalized})
WITH c LIMIT $candidates
RETURN 'COMPANY' AS kind, c.key AS key, c.name AS name, 0.0 AS score, c.name AS matchedText
