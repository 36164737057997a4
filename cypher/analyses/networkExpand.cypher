// One breadth-first step of a network walk (neighbourhood, paths, the network joining a case's
// firms, the list cross-reference's walk to the nearest flagged firm): for each entity of the
// frontier, its relationships of the types asked for and the entities at their other ends.
// Per entity it returns how many such relationships it has in all, by type (so that a cap is
// reported with what it left out, never silently), and at most $fanOut of them — control first,
// then the largest holdings, roles, family ties, flags, branches, memberships and contact points.
// Each entity at the other end comes with its number of relationships of those types, ended ones
// included (read from the degree store, without touching the relationships), so that a walk can
// refuse to pass through a hub — a registration agent's address, an accountant's phone, a state
// holder — before fetching it; only when $otherDegrees asks for them (the neighbourhood, which
// draws hubs rather than avoiding them, does not pay for thirteen counts per neighbour).
// With $flaggedBy, each firm at the other end also comes with the list types of $flaggedBy it is
// flagged with (FLAGGED edges to ListEntry nodes of those listTypes), and such firms come first
// within $fanOut, so that a walk looking for a flagged firm still finds it beside a hub whose
// relationships the cap cuts (a registration agent's address).
// Parameters:
//   $frontier list of map — {kind, key}: the entities to expand, kind as in the envelope
//             (COMPANY, PERSON, ADDRESS, PHONE, EMAIL, WEBSITE, LIST_ENTRY); keys are unique per
//             label only, so the kind says which label to look in
//   $types    list of string — relationship types to follow (from analyses/network.ts, never user text)
//   $fanOut   integer — most relationships returned per entity
//   $asOf     date or null — the day asked about: relationships with validFrom absent or on or
//             before it and validTo absent or after it; null: the current ones (validTo absent)
//   $includeEnded boolean — true: every relationship, ended ones included, $asOf ignored (the list
//             cross-reference: a former holder or officer is still a connection to follow);
//             false: as $asOf says
//   $otherDegrees boolean — true: each other end's otherDegree; false: otherDegree is null
//   $flaggedBy list of string — ListEntry.listType values that count as flagged; [] for none (no
//             flaggedAs, the order above)
//   $activeOnly boolean — true: firms whose registration has ended are not followed (neither
//             counted nor returned), save those in $keep (查关系 over active firms only: a revoked
//             shell is no intermediate hop, but may be a party)
//   $endedMarkers list of string — the 登记状态 words that say a firm has ended (model/firmStatus.ts)
//   $keep     list of string — keys of firms followed even when ended (the parties)
// Grounds: DOMAIN.md §3 relationships (holdings, roles, control, family, branches, memberships,
//   shared addresses, phones, e-mail, websites, flags) and §5.6 查关系 (paths through holdings,
//   offices, shared addresses and phones); registration agents' addresses and shared phones are
//   hubs that would connect everything (generator/README.md context); §5.8 (how a list's entries
//   connect to flagged firms).
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
  UNION
  MATCH (a:ListEntry {key: f.key}) WHERE f.kind = 'LIST_ENTRY' RETURN a
}
CALL (a) {
  OPTIONAL MATCH (a)-[r:HOLDS_SHARES|LEGAL_REPRESENTATIVE_OF|OFFICER_OF|CONTROLS|RELATED_TO|BRANCH_OF|MEMBER_OF|REGISTERED_AT|OPERATES_AT|HAS_PHONE|HAS_EMAIL|HAS_WEBSITE|FLAGGED]-(b)
  WHERE type(r) IN $types AND b <> a
    AND ($includeEnded OR CASE WHEN $asOf IS NULL THEN r.validTo IS NULL
                               ELSE coalesce(r.validFrom <= $asOf, true) AND coalesce(r.validTo > $asOf, true) END)
    AND NOT ($activeOnly AND b:Company AND NOT b.key IN $keep AND any(m IN $endedMarkers WHERE coalesce(b.status, '') CONTAINS m))
  WITH type(r) AS type, count(r) AS n
  WHERE type IS NOT NULL
  RETURN collect({type: type, count: n}) AS degrees
}
CALL (a) {
  MATCH (a)-[r:HOLDS_SHARES|LEGAL_REPRESENTATIVE_OF|OFFICER_OF|CONTROLS|RELATED_TO|BRANCH_OF|MEMBER_OF|REGISTERED_AT|OPERATES_AT|HAS_PHONE|HAS_EMAIL|HAS_WEBSITE|FLAGGED]-(b)
  WHERE type(r) IN $types AND b <> a
    AND ($includeEnded OR CASE WHEN $asOf IS NULL THEN r.validTo IS NULL
                               ELSE coalesce(r.validFrom <= $asOf, true) AND coalesce(r.validTo > $asOf, true) END)
    AND NOT ($activeOnly AND b:Company AND NOT b.key IN $keep AND any(m IN $endedMarkers WHERE coalesce(b.status, '') CONTAINS m))
  WITH r, b,
       CASE WHEN size($flaggedBy) > 0 AND b:Company
            THEN [(b)-[:FLAGGED]->(l:ListEntry) WHERE l.listType IN $flaggedBy | l.listType] ELSE [] END AS flaggedAs
  ORDER BY CASE WHEN size(flaggedAs) > 0 THEN 0 ELSE 1 END,
           CASE type(r)
             WHEN 'CONTROLS' THEN 0 WHEN 'HOLDS_SHARES' THEN 1 WHEN 'LEGAL_REPRESENTATIVE_OF' THEN 2
             WHEN 'OFFICER_OF' THEN 3 WHEN 'RELATED_TO' THEN 4 WHEN 'FLAGGED' THEN 5 WHEN 'BRANCH_OF' THEN 6
             WHEN 'MEMBER_OF' THEN 7 WHEN 'REGISTERED_AT' THEN 8 WHEN 'OPERATES_AT' THEN 9
             WHEN 'HAS_PHONE' THEN 10 WHEN 'HAS_EMAIL' THEN 11 ELSE 12 END,
           coalesce(r.ratio, 0.0) DESC, coalesce(b.name, b.text, b.listType), b.key
  LIMIT $fanOut
  RETURN collect({
    type: type(r),
    outgoing: startNode(r) = a,
    props: r {.ratio, .role, .basis, .basisText, .memberType, .memberTypeText, .memberNo, .status, .caseNo, .filedOn, .amountWan, .amountCurrency, .victims, .source, .validFrom, .validTo},
    other: b {.key, .name, .text, .listType, .caseNo, .status, labels: labels(b)},
    otherDegree: CASE WHEN $otherDegrees THEN reduce(n = 0, t IN $types | n + CASE t
      WHEN 'HOLDS_SHARES' THEN COUNT { (b)-[:HOLDS_SHARES]-() }
      WHEN 'LEGAL_REPRESENTATIVE_OF' THEN COUNT { (b)-[:LEGAL_REPRESENTATIVE_OF]-() }
      WHEN 'OFFICER_OF' THEN COUNT { (b)-[:OFFICER_OF]-() }
      WHEN 'CONTROLS' THEN COUNT { (b)-[:CONTROLS]-() }
      WHEN 'RELATED_TO' THEN COUNT { (b)-[:RELATED_TO]-() }
      WHEN 'BRANCH_OF' THEN COUNT { (b)-[:BRANCH_OF]-() }
      WHEN 'MEMBER_OF' THEN COUNT { (b)-[:MEMBER_OF]-() }
      WHEN 'REGISTERED_AT' THEN COUNT { (b)-[:REGISTERED_AT]-() }
      WHEN 'OPERATES_AT' THEN COUNT { (b)-[:OPERATES_AT]-() }
      WHEN 'HAS_PHONE' THEN COUNT { (b)-[:HAS_PHONE]-() }
      WHEN 'HAS_EMAIL' THEN COUNT { (b)-[:HAS_EMAIL]-() }
      WHEN 'HAS_WEBSITE' THEN COUNT { (b)-[:HAS_WEBSITE]-() }
      WHEN 'FLAGGED' THEN COUNT { (b)-[:FLAGGED]-() }
      ELSE 0 END) END,
    flaggedAs: flaggedAs
  }) AS edges
}
RETURN f.kind AS kind, f.key AS key,
       a {.key, .name, .text, .listType, .caseNo, .status, labels: labels(a)} AS self,
       degrees, edges
