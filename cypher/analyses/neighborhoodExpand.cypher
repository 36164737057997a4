// One breadth-first step of a neighbourhood: for each entity of the frontier, its relationships of
// the network types (holdings, legal representation, offices) and the entities at their other end.
// At most $fanOut relationships per entity are returned, largest holdings first, and each entity's
// full degree is returned so the caller can tell the user what the cap left out.
// Parameters:
//   $keys   list of string — domain keys of the frontier (firms or persons)
//   $fanOut integer — most relationships returned per entity
// Grounds: DOMAIN.md §3 relationship types; STYLE: a supernode returns counts, not a flood.
UNWIND $keys AS k
CALL (k) {
  MATCH (a:Company {key: k}) RETURN a
  UNION
  MATCH (a:Person {key: k}) RETURN a
}
WITH k, a, COUNT { (a)-[:HOLDS_SHARES|LEGAL_REPRESENTATIVE_OF|OFFICER_OF]-() } AS degree
CALL (a) {
  MATCH (a)-[r:HOLDS_SHARES|LEGAL_REPRESENTATIVE_OF|OFFICER_OF]-(b)
  WHERE r.validTo IS NULL
  RETURN r, b
  ORDER BY coalesce(r.ratio, 0.0) DESC, b.name
  LIMIT $fanOut
}
RETURN k AS from,
       degree,
       {kind: CASE WHEN a:Company THEN 'COMPANY' ELSE 'PERSON' END, key: a.key, name: a.name, status: a.status} AS self,
       collect({
         type: type(r), source: startNode(r).key, target: endNode(r).key, ratio: r.ratio, role: r.role,
         other: {kind: CASE WHEN b:Company THEN 'COMPANY' ELSE 'PERSON' END, key: b.key, name: b.name, status: b.status}
       }) AS edges
