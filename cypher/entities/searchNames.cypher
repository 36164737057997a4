// Search, NAME and FORMER_NAME in part (analyses/search.ts): firms and persons whose name or former
// name holds the text, through the cjk full-text index entity_names (040). A hit whose normalised
// name does not hold the text matched on a former name: the first that holds it is returned.
// Parameters:
//   $nameQuery  string — Lucene query: the text as typed OR simplified, each an escaped phrase
//   $normalized string — model/names.ts normalizeName of the text
//   $candidates integer — most hits
// Grounds: DOMAIN.md §2 — names change over time (曾用名), matched after normalising.
CALL db.index.fulltext.queryNodes('entity_names', $nameQuery, {limit: $candidates}) YIELD node, score
WITH node, score,
     [i IN range(0, size(coalesce(node.normalizedFormerNames, [])) - 1) WHERE node.normalizedFormerNames[i] CONTAINS $normalized | node.formerNames[i]] AS formers
WITH node, score,
     CASE WHEN coalesce(node.normalizedName, '') CONTAINS $normalized OR size(coalesce(node.formerNames, [])) = 0 THEN null
          ELSE coalesce(head(formers), head(node.formerNames)) END AS former
RETURN CASE WHEN node:Company THEN 'COMPANY' ELSE 'PERSON' END AS kind, node.key AS key, node.name AS name, score,
       former IS NOT NULL AS formerName, coalesce(former, node.name) AS matchedText
