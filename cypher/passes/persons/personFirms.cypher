// One page of the persons whose firms person resolution looks at, with those firms: the persons a
// run touched (its rows named them), or, for the whole graph, every person scoped to a firm. A
// person is linked to a firm by any relationship to it (holding, role, control) or by a filing
// that names them as the firm's beneficial owner. Only firms where there is something to decide
// are returned: another person of the same name is linked to the firm, or a merge was made there.
// Paged by key so that a store of millions of persons is walked in index order, one page a
// statement.
// Parameters:
//   $prefix string or null — 'runId/': persons with a provenance entry of the run; null: every
//           person scoped to a firm (keyBasis 'scoped'; BODS persons are keyed by their record)
//   $after  string — the last key of the previous page ('' for the first)
//   $limit  integer — persons per page
// Grounds: DOMAIN.md §2–3 person keys (a person without a full ID number is scoped to the firm that
//   names them); issue 10 §3 (one person per firm).
MATCH (p:Person)
WHERE p.key > $after
  AND CASE WHEN $prefix IS NULL THEN p.keyBasis = 'scoped' AND p.bodsRecordIds IS NULL
           ELSE any(e IN p.provenance WHERE e STARTS WITH $prefix) END
WITH p ORDER BY p.key LIMIT $limit
RETURN p.key AS key,
       COLLECT {
         CALL (p) {
           MATCH (p)-->(c:Company) RETURN c
           UNION
           MATCH (:BOFiling {ownerKey: p.key})<-[:FILED_BO]-(c:Company) RETURN c
         }
         WITH p, c
         WHERE EXISTS { MATCH (:PersonMerge {firmKey: c.key}) }
            // Not seekable on purpose: the firm's few people, not every person of the name.
            OR EXISTS { MATCH (c)<--(q:Person) WHERE any(n IN [q.normalizedName] WHERE n = p.normalizedName) AND q <> p }
            OR EXISTS {
                 MATCH (c)-[:FILED_BO]->(b:BOFiling) WHERE b.ownerKey <> p.key
                 MATCH (q:Person {key: b.ownerKey}) WHERE any(n IN [q.normalizedName] WHERE n = p.normalizedName)
               }
         RETURN c.key AS firm
       } AS firms
