// What tells same-name persons apart, for matching a filed owner with the persons a computation
// found: the normalised name, the masked ID number, and whether the key rests on a full ID
// number ('id') or on the name within one firm ('scoped').
// Parameters:
//   $keys list of string — person keys
// Grounds: DOMAIN.md §2 (a masked number is not an identity), §3 (person keys; never merged on names).
MATCH (p:Person)
WHERE p.key IN $keys
RETURN p.key AS key, p.normalizedName AS normalizedName, p.idMasked AS idMasked, p.keyBasis AS keyBasis
ORDER BY key
