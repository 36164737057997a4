// Search, ADDRESS (analyses/search.ts): firms registered or operating at an address that holds the
// text, through the cjk full-text index address_text (045).
// Parameters:
//   $nameQuery  string — Lucene query: the text as typed OR simplified, each an escaped phrase
//   $candidates integer — most addresses, and most hits
// Grounds: DOMAIN.md §3 REGISTERED_AT / OPERATES_AT; shells share addresses (§7).
CALL db.index.fulltext.queryNodes('address_text', $nameQuery, {limit: $candidates}) YIELD node AS a, score
MATCH (c:Company)-[:REGISTERED_AT|OPERATES_AT]->(a)
WITH c, a, score LIMIT $candidates
RETURN 'COMPANY' AS kind, c.key AS key, c.name AS name, score, a.text AS matchedText
