// One breadth-first step of the walk from an entity to the nearest flagged firm (list
// cross-reference): for each entity of the frontier, its relationships through holdings, offices,
// control, family ties, branches, memberships and shared addresses, phones, e-mail and websites,
// and the entities at their other ends — each firm with the list types it is flagged with.
// At most $fanOut relationships per entity, flagged firms first, then the largest holdings, and
// each entity's full count, so that a hub (a registration agent's address) left partly unwalked
// is reported, never taken for "no link". Ended relationships are walked too: a former holder or
// officer is still a connection an investigator follows.
// Parameters:
//   $frontier  list of map — {kind, key}: kind as in the envelope (COMPANY, PERSON, ADDRESS, PHONE,
//              EMAIL, WEBSITE); keys are unique per label only
//   $fanOut    integer — most relationships returned per entity
//   $listTypes list of string — ListEntry.listType values that count as flagged
// Grounds: DOMAIN.md §3 relationships, §5.6 (paths through holdings, offices, shared addresses and
//   phones), §5.8 (how a list's entries connect to flagged firms).
UNWIND $frontier AS f
CALL (f) {
  MATCH (a:Company {key: f.key}) WHERE f.kind = 'COMPANY' RETURN a
  UNION
  MATCH (a:Person {key: f.key}) WHERE f.kind = 'PERSON' RETURN a
  UNION
  MATCH (a:Address {key: f.key}) WHERE f.kind = 'ADDRESS' RETURN a
  UNION
  MATCH (a:Phone {key: f.key}) WHERE f.kind = 'PHONE' RETURN a
  UNION
  MATCH (a:Email {key: f.key}) WHERE f.kind = 'EMAIL' RETURN a
  UNION
  MATCH (a:Website {key: f.key}) WHERE f.kind = 'WEBSITE' RETURN a
}
WITH f, a,
     COUNT { (a)-[:HOLDS_SHARES|LEGAL_REPRESENTATIVE_OF|OFFICER_OF|CONTROLS|RELATED_TO|BRANCH_OF|MEMBER_OF|REGISTERED_AT|OPERATES_AT|HAS_PHONE|HAS_EMAIL|HAS_WEBSITE]-(b) WHERE b <> a } AS degree
CALL (a) {
  MATCH (a)-[r:HOLDS_SHARES|LEGAL_REPRESENTATIVE_OF|OFFICER_OF|CONTROLS|RELATED_TO|BRANCH_OF|MEMBER_OF|REGISTERED_AT|OPERATES_AT|HAS_PHONE|HAS_EMAIL|HAS_WEBSITE]-(b)
  WHERE b <> a
  WITH a, r, b,
       CASE WHEN b:Company THEN [(b)-[:FLAGGED]->(l:ListEntry) WHERE l.listType IN $listTypes | l.listType] ELSE [] END AS flaggedAs
  ORDER BY size(flaggedAs) DESC, coalesce(r.ratio, 0.0) DESC, b.key, type(r)
  LIMIT $fanOut
  RETURN collect({
    type: type(r),
    outgoing: startNode(r) = a,
    props: r {.ratio, .role, .basis, .basisText, .memberType, .validFrom, .validTo},
    other: b {.key, .name, .text, labels: labels(b)},
    flaggedAs: flaggedAs
  }) AS edges
}
RETURN f.kind AS kind, f.key AS key, degree, edges
