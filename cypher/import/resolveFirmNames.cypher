// For firms named without a valid code: the registered firm (verified key) bearing that
// normalised name or former name, when there is exactly one; several are reported as ambiguous.
// Parameters:
//   $names list of string — normalised names (model/names.ts normalizeName)
// Grounds: DOMAIN.md §2 — match on the code, on names only after normalising; never guess
// between two firms of one name.
UNWIND $names AS n
CALL (n) {
  MATCH (c:Company {normalizedName: n}) WHERE c.keyUnverified = false
  RETURN c.key AS key
  UNION
  MATCH (c:Company) WHERE n IN c.normalizedFormerNames AND c.keyUnverified = false
  RETURN c.key AS key
}
WITH n, collect(DISTINCT key) AS keys
RETURN n AS name, keys
