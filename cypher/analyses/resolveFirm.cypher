// The firm a user means: by its domain key, USCC or registration number, else by its exact name
// (compared in the normalised form of model/names.ts, so full-width brackets and spaces do not
// matter). Several firms may bear one name (different places, or unverified keys): all are
// returned so the caller can ask which one.
// Parameters:
//   $code       string — the text as typed, trimmed and upper-cased, compared with key, USCC and
//               registration number
//   $normalized string — the text in normalised name form
// Grounds: DOMAIN.md §2 — match on the code first, on names only after normalising; §3 keys.
CALL () {
  MATCH (c:Company) WHERE c.key = $code OR c.uscc = $code OR c.registrationNumber = $code
  RETURN c, 0 AS rank
  UNION
  MATCH (c:Company {normalizedName: $normalized})
  RETURN c, 1 AS rank
}
WITH c, min(rank) AS rank
ORDER BY rank, c.name, c.key
LIMIT 20
RETURN rank,
       {kind: 'COMPANY', key: c.key, name: c.name, identifier: coalesce(c.uscc, c.registrationNumber), note: c.status} AS entity
