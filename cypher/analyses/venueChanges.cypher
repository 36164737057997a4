// Trading venues and venue-like firms with their change history, approvals and branches: the
// material of the unapproved-changes screen. A venue is a firm labelled Exchange (it has an
// approval or members) or, not being a branch, whose name or a former name contains a venue word
// (交易所, 交易中心, 交易市场 — found through the full-text index; the caller checks the text).
// Parameters:
//   $venueQuery string — Lucene query for venue words in name and former names
//               (analyses/fulltextQuery.ts)
// Grounds: DOMAIN.md §3 APPROVED_BY Exchange → Approval, HAS_CHANGE Company → ChangeRecord
//   {item, before, after, changedOn}, BRANCH_OF; §5.5 unapproved branches and changes;
//   generator/README.md (a change is approved by an approval `变更审批（<item>）` on or before it).
CALL () {
  MATCH (v:Exchange) RETURN v
  UNION
  CALL db.index.fulltext.queryNodes('company_screen_text', $venueQuery) YIELD node AS v
  WHERE NOT v:Branch
  RETURN v
}
RETURN v {.key, .name, labels: labels(v)} AS venue,
       v:Exchange AS exchange,
       v.formerNames AS formerNames,
       v.status AS status,
       v.regionCode AS regionCode,
       v.regionName AS regionName,
       [(v)-[:HAS_CHANGE]->(ch:ChangeRecord) |
         {change: ch {.key, .item, labels: labels(ch)}, item: ch.item, before: ch.before, after: ch.after, changedOn: ch.changedOn}] AS changes,
       [(v)-[:APPROVED_BY]->(a:Approval) |
         {approval: a {.key, .documentNo, labels: labels(a)}, category: a.category, approvedOn: a.approvedOn,
          authority: a.approvingAuthority}] AS approvals,
       [(b:Branch)-[r:BRANCH_OF]->(v) |
         {branch: b {.key, .name, labels: labels(b)}, establishedOn: coalesce(r.validFrom, b.establishedOn), validTo: r.validTo,
          status: b.status}] AS branches
