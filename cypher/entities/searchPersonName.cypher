// Search, NAME exactly (analyses/search.ts): the persons whose normalised name is the text's.
// Parameters:
//   $normalized string — model/names.ts normalizeName of the text (traditional folded)
//   $candidates integer — most hits
// Grounds: DOMAIN.md §2 — names are matched after normalising.
MATCH (p:Person {normalizedName: $normalized})
WITH p LIMIT $candidates
RETURN 'PERSON' AS kind, p.key AS key, p.name AS name, 0.0 AS score, p.name AS matchedText
