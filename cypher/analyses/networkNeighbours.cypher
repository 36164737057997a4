// The neighbours of a set of entities as the network view draws them (analyses/neighborhood.ts:
// the `neighborhood` and `expandNode` queries), filtered here rather than in the server so that a
// relationship the reader did not ask for is never fetched, counted or sent. For each entity:
// - `probed`: how many of its relationships pass the filters, counted up to $probe only, so that
//   telling a supernode (a registration agent's address, an exchange with thousands of members)
//   from an ordinary entity costs at most $probe relationships, not all of them;
// - `summary`: only for a supernode (probed > $threshold), all its relationships that pass the
//   filters, counted by relationship type and kind of entity at the other end — what the view
//   hides and offers to open;
// - `edges`: when f.expand and the entity is no supernode, or when f.force (the entity the view is
//   centred on, the one the reader asked to open), a page of its relationships — $skip then
//   $pageSize of them, in a total order (control first, largest holdings, roles, … then name and
//   key), so that paging through a supernode never repeats nor skips a neighbour.
// Parameters:
//   $nodes        list of map — {kind, key, expand, force}: kind as in the envelope (COMPANY, PERSON,
//                 ADDRESS, PHONE, EMAIL, WEBSITE, LIST_ENTRY); keys are unique per label only
//   $types        list of string — relationship types to follow (analyses/network.ts, never user text)
//   $kinds        list of string — kinds of entity at the other end to keep
//   $activeOnly   boolean — true: firms whose registration has ended are left out
//   $endedMarkers list of string — the 登记状态 words that say a firm has ended (model/firmStatus.ts)
//   $minRatio     float or null — holdings below it are left out (unknown ratios are kept: a
//                 holding of unknown size is not known to be small); other types are unaffected
//   $probe        integer — $threshold + 1: how far `probed` counts
//   $threshold    integer — more relationships than this make a supernode
//   $skip         integer — relationships of a paged entity already sent
//   $pageSize     integer — relationships of an entity returned at most
// Grounds: DOMAIN.md §3 relationships and §5 network view; registration agents' addresses, shared
//   phones and venues are hubs that would swamp a network (generator/README.md context). Only the
//   current relationships (validTo absent), as the network view has always drawn.
UNWIND $nodes AS f
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
  CALL (a) {
    MATCH (a)-[r:HOLDS_SHARES|LEGAL_REPRESENTATIVE_OF|OFFICER_OF|CONTROLS|RELATED_TO|BRANCH_OF|MEMBER_OF|REGISTERED_AT|OPERATES_AT|HAS_PHONE|HAS_EMAIL|HAS_WEBSITE|FLAGGED]-(b)
    WHERE type(r) IN $types AND b <> a AND r.validTo IS NULL
      AND CASE WHEN b:Company THEN 'COMPANY' WHEN b:Person THEN 'PERSON' WHEN b:Address THEN 'ADDRESS' WHEN b:Phone THEN 'PHONE'
               WHEN b:Email THEN 'EMAIL' WHEN b:Website THEN 'WEBSITE' WHEN b:ListEntry THEN 'LIST_ENTRY' END IN $kinds
      AND NOT ($activeOnly AND b:Company AND any(m IN $endedMarkers WHERE coalesce(b.status, '') CONTAINS m))
      AND ($minRatio IS NULL OR type(r) <> 'HOLDS_SHARES' OR r.ratio IS NULL OR r.ratio >= $minRatio)
    RETURN r
    LIMIT $probe
  }
  RETURN count(r) AS probed
}
CALL (a, probed) {
  WITH a, probed
  WHERE probed > $threshold
  MATCH (a)-[r:HOLDS_SHARES|LEGAL_REPRESENTATIVE_OF|OFFICER_OF|CONTROLS|RELATED_TO|BRANCH_OF|MEMBER_OF|REGISTERED_AT|OPERATES_AT|HAS_PHONE|HAS_EMAIL|HAS_WEBSITE|FLAGGED]-(b)
  WITH r, b, CASE WHEN b:Company THEN 'COMPANY' WHEN b:Person THEN 'PERSON' WHEN b:Address THEN 'ADDRESS' WHEN b:Phone THEN 'PHONE'
                  WHEN b:Email THEN 'EMAIL' WHEN b:Website THEN 'WEBSITE' WHEN b:ListEntry THEN 'LIST_ENTRY' END AS kind
  WHERE type(r) IN $types AND b <> a AND r.validTo IS NULL AND kind IN $kinds
    AND NOT ($activeOnly AND b:Company AND any(m IN $endedMarkers WHERE coalesce(b.status, '') CONTAINS m))
    AND ($minRatio IS NULL OR type(r) <> 'HOLDS_SHARES' OR r.ratio IS NULL OR r.ratio >= $minRatio)
  WITH type(r) AS type, kind, count(*) AS n
  RETURN collect({type: type, kind: kind, count: n}) AS summary
}
CALL (a, f, probed) {
  WITH a, f, probed
  WHERE f.force OR (f.expand AND probed <= $threshold)
  MATCH (a)-[r:HOLDS_SHARES|LEGAL_REPRESENTATIVE_OF|OFFICER_OF|CONTROLS|RELATED_TO|BRANCH_OF|MEMBER_OF|REGISTERED_AT|OPERATES_AT|HAS_PHONE|HAS_EMAIL|HAS_WEBSITE|FLAGGED]-(b)
  WHERE type(r) IN $types AND b <> a AND r.validTo IS NULL
    AND CASE WHEN b:Company THEN 'COMPANY' WHEN b:Person THEN 'PERSON' WHEN b:Address THEN 'ADDRESS' WHEN b:Phone THEN 'PHONE'
             WHEN b:Email THEN 'EMAIL' WHEN b:Website THEN 'WEBSITE' WHEN b:ListEntry THEN 'LIST_ENTRY' END IN $kinds
    AND NOT ($activeOnly AND b:Company AND any(m IN $endedMarkers WHERE coalesce(b.status, '') CONTAINS m))
    AND ($minRatio IS NULL OR type(r) <> 'HOLDS_SHARES' OR r.ratio IS NULL OR r.ratio >= $minRatio)
  WITH r, b
  ORDER BY CASE type(r)
             WHEN 'CONTROLS' THEN 0 WHEN 'HOLDS_SHARES' THEN 1 WHEN 'LEGAL_REPRESENTATIVE_OF' THEN 2
             WHEN 'OFFICER_OF' THEN 3 WHEN 'RELATED_TO' THEN 4 WHEN 'FLAGGED' THEN 5 WHEN 'BRANCH_OF' THEN 6
             WHEN 'MEMBER_OF' THEN 7 WHEN 'REGISTERED_AT' THEN 8 WHEN 'OPERATES_AT' THEN 9
             WHEN 'HAS_PHONE' THEN 10 WHEN 'HAS_EMAIL' THEN 11 ELSE 12 END,
           coalesce(r.ratio, 0.0) DESC, coalesce(b.name, b.text, b.listType, ''), b.key, labels(b),
           coalesce(r.role, r.basis, r.memberType, ''), elementId(r)
  SKIP $skip
  LIMIT $pageSize
  RETURN collect({
    type: type(r),
    outgoing: startNode(r) = a,
    props: r {.ratio, .role, .basis, .basisText, .memberType, .memberTypeText, .memberNo, .status, .caseNo, .filedOn, .amountWan, .amountCurrency, .victims, .source, .validFrom, .validTo},
    other: b {.key, .name, .text, .listType, .caseNo, .status, labels: labels(b)}
  }) AS edges
}
RETURN f.kind AS kind, f.key AS key,
       a {.key, .name, .text, .listType, .caseNo, .status, labels: labels(a)} AS self,
       probed, summary, edges
