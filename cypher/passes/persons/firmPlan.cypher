// What person resolution needs to know of each firm: the persons named in it without a full ID
// number (scoped to it), the persons of the same names named in it with one, and the merges made
// in it before. Only firms where a scoped person shares a name with an identified one, or with a
// merge on record, are returned.
// A scoped person named in another firm as well is not resolved here (it is not one firm's
// mention: never merge across firms on a name). Same-name persons a person rejected as the same
// (POSSIBLY_SAME_AS status 'rejected') or recorded as family (RELATED_TO) are excluded as
// candidates: the record says they are two people.
// Parameters:
//   $firmKeys list of string — the firms to look at
// Grounds: DOMAIN.md §2 (a masked number is not an identity; never merge on a name alone across
//   firms), §3 person keys; issue 10 §3.
UNWIND $firmKeys AS firmKey
MATCH (c:Company {key: firmKey})
CALL (c) {
  MATCH (p:Person)-->(c) RETURN p
  UNION
  MATCH (c)-[:FILED_BO]->(b:BOFiling)
  MATCH (p:Person {key: b.ownerKey})
  RETURN p
}
WITH c, collect(p) AS people
WITH c,
     [p IN people WHERE p.keyBasis = 'scoped' AND p.bodsRecordIds IS NULL] AS scoped,
     [p IN people WHERE p.keyBasis = 'id' AND p.idNumber IS NOT NULL] AS identified,
     COLLECT { MATCH (m:PersonMerge {firmKey: c.key}) RETURN m } AS merges
WITH c, scoped, identified, merges,
     [s IN scoped WHERE any(p IN identified WHERE p.normalizedName = s.normalizedName) | s] AS named
WHERE size(named) > 0 OR size(merges) > 0
RETURN c.key AS firmKey,
       c.name AS firmName,
       [s IN named | s {.key, .name, .normalizedName, .idMasked, .idKind, .idInvalid,
         otherFirms: COUNT { MATCH (s)-->(x:Company) WHERE x <> c }
                     + COUNT { MATCH (b:BOFiling {ownerKey: s.key})<-[:FILED_BO]-(x:Company) WHERE x <> c },
         excluded: [(s)-[x:POSSIBLY_SAME_AS|RELATED_TO]-(q:Person) WHERE type(x) = 'RELATED_TO' OR x.status = 'rejected' | q.key]}] AS scoped,
       [p IN identified WHERE any(s IN named WHERE s.normalizedName = p.normalizedName)
                           OR any(m IN merges WHERE m.normalizedName = p.normalizedName)
        | p {.key, .name, .normalizedName, .idNumber, .idMasked}] AS identified,
       [m IN merges | m {.key, .fromKey, .intoKey, .name, .normalizedName, .fromIdMasked, .excludedKeys}] AS merges
ORDER BY firmKey
