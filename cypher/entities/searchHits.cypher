// The summaries of a page of search hits (analyses/search.ts), and for each person up to three
// firms they hold shares in, represent or serve: what tells two people of one name apart beside
// the masked ID number.
// Parameters:
//   $firms   list of string — firm keys
//   $persons list of string — person keys
// Grounds: issue 12 — results tell same-name persons apart (their firms, masked ID).
CALL () {
  UNWIND $firms AS key
  MATCH (node:Company {key: key})
  RETURN node, [] AS firms
  UNION ALL
  UNWIND $persons AS key
  MATCH (node:Person {key: key})
  RETURN node, COLLECT { MATCH (node)-[:HOLDS_SHARES|LEGAL_REPRESENTATIVE_OF|OFFICER_OF]->(f:Company)
                         WITH DISTINCT f ORDER BY f.name, f.key LIMIT 3
                         RETURN f {.key, .name} } AS firms
}
RETURN CASE WHEN node:Company THEN 'COMPANY' ELSE 'PERSON' END AS kind,
       node.key AS key,
       node.name AS name,
       coalesce(node.uscc, node.registrationNumber, node.idMasked) AS identifier,
       // The full number goes out masked unless the reader may see it (server/outputMasking.ts).
       node.idNumber AS idNumber,
       node.status AS status,
       node.registeredAddress AS address,
       firms
