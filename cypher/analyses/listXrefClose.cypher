// Candidates for names of an uploaded list that match no firm exactly: the firms whose names or
// former names share the most bigrams with the name, as the full-text index ranks them. The
// caller scores each candidate (analyses/nameSimilarity.ts) and keeps the close ones.
// Parameters:
//   $queries    list of map — {input, query}: the name as given and a Lucene query of its bigrams
//               (analyses/fulltextQuery.ts similarNameQuery)
//   $candidates integer — most candidates per name
// Grounds: DOMAIN.md §2 (names are written in many ways), §5.8 cross-referencing a list;
//   cypher/schema/040_entity_names_fulltext.cypher.
UNWIND $queries AS q
CALL (q) {
  CALL db.index.fulltext.queryNodes('entity_names', q.query) YIELD node, score
  WITH node, score WHERE node:Company
  RETURN node, score
  ORDER BY score DESC
  LIMIT $candidates
}
RETURN q.input AS input,
       node {.key, .name, labels: labels(node)} AS entity,
       node.status AS status,
       coalesce(node.uscc, node.registrationNumber) AS identifier,
       node.formerNames AS formerNames,
       [(node)-[f:FLAGGED]->(l:ListEntry) |
         {entry: l {.key, .listType, .caseNo, labels: labels(l)}, listType: l.listType, caseNo: coalesce(f.caseNo, l.caseNo),
          filedOn: f.filedOn, amountWan: f.amountWan, victims: f.victims}] AS flags
