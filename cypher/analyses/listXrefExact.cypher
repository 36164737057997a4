// The firms and persons an uploaded list names exactly (数据比对、碰撞): by code — domain key, USCC or
// 15-digit registration number —, by name in normalised form (model/names.ts: full-width,
// brackets, spaces and traditional characters folded), by a former name (曾用名), and persons by
// normalised name. Same-name persons are returned one by one (at most $maxPersons per name, with
// how many bear it): a name alone never says which person is meant.
// Parameters:
//   $codes       list of string — codes as given, compacted and upper-cased
//   $names       list of string — names in normalised form
//   $formerNames list of map — {normalized, query}: the normalised name and a Lucene query for its
//                tokens in former names (analyses/fulltextQuery.ts); the match itself is exact,
//                on Company.normalizedFormerNames
//   $maxPersons  integer — most persons returned per name
// Grounds: DOMAIN.md §2 (match on the code, on names only after normalising; names change:
//   曾用名), §3 keys, §5.8 cross-referencing a list.
CALL () {
  UNWIND $codes AS input
  CALL (input) {
    MATCH (e:Company {key: input}) RETURN e
    UNION
    MATCH (e:Company {uscc: input}) RETURN e
    UNION
    MATCH (e:Company {registrationNumber: input}) RETURN e
  }
  RETURN input, e, 'code' AS how
  UNION
  UNWIND $names AS input
  MATCH (e:Company {normalizedName: input})
  RETURN input, e, 'name' AS how
  UNION
  UNWIND $formerNames AS q
  CALL db.index.fulltext.queryNodes('entity_names', q.query) YIELD node
  WITH q, node WHERE node:Company AND q.normalized IN coalesce(node.normalizedFormerNames, [])
  RETURN q.normalized AS input, node AS e, 'formerName' AS how
  UNION
  UNWIND $names AS input
  CALL (input) {
    MATCH (p:Person {normalizedName: input})
    RETURN p ORDER BY p.key LIMIT $maxPersons
  }
  RETURN input, p AS e, 'personName' AS how
}
RETURN input, how,
       e {.key, .name, labels: labels(e)} AS entity,
       e.status AS status,
       coalesce(e.uscc, e.registrationNumber, e.idMasked) AS identifier,
       e.formerNames AS formerNames,
       CASE WHEN e:Person THEN COUNT { (q:Person {normalizedName: input}) } END AS sameName,
       CASE WHEN e:Person THEN COLLECT {
         MATCH (e)-[:LEGAL_REPRESENTATIVE_OF|OFFICER_OF|HOLDS_SHARES]->(f:Company) RETURN DISTINCT f.name AS name ORDER BY name LIMIT 3
       } ELSE [] END AS linkedFirms,
       [(e)-[f:FLAGGED]->(l:ListEntry) |
         {entry: l {.key, .listType, .caseNo, labels: labels(l)}, listType: l.listType, caseNo: coalesce(f.caseNo, l.caseNo),
          filedOn: f.filedOn, amountWan: f.amountWan, victims: f.victims}] AS flags
