// Firms whose name, former names or business scope contain screened keywords (重点监管对象 keyword
// screens), found through the full-text index, best index score first, with what the screen
// reports beside the matched text: the firm's approvals and the lists it is on.
// The index finds a superset (bigram phrases, whole words); analyses/keywordScreen.ts checks every
// hit against the text itself.
// Parameters:
//   $query           string — Lucene query built by analyses/fulltextQuery.ts (quoted tokens only)
//   $regionPrefix    string or null — keep only firms whose registration division code starts with
//                    it (the jurisdiction's 2, 4 or 6 digits); null: every firm
//   $withoutApproval boolean — keep only firms with no venue approval (APPROVED_BY)
//   $maxHits         integer — most firms read from the index (one more tells the caller it stopped)
// Grounds: DOMAIN.md §5.4 keyword screens of names and business scopes; §5.3/§5.5 approvals;
//   cypher/schema/041_company_screen_fulltext.cypher.
CALL db.index.fulltext.queryNodes('company_screen_text', $query) YIELD node AS c, score
WHERE ($regionPrefix IS NULL OR c.regionCode STARTS WITH $regionPrefix)
  AND (NOT $withoutApproval OR NOT EXISTS { (c)-[:APPROVED_BY]->(:Approval) })
WITH c, score
LIMIT $maxHits
RETURN c {.key, .name, labels: labels(c)} AS firm,
       c.formerNames AS formerNames,
       c.businessScope AS businessScope,
       c.status AS status,
       c.regionCode AS regionCode,
       c.regionName AS regionName,
       [(c)-[:APPROVED_BY]->(a:Approval) |
         {approval: a {.key, .documentNo, labels: labels(a)}, category: a.category, approvedOn: a.approvedOn,
          authority: a.approvingAuthority}] AS approvals,
       [(c)-[f:FLAGGED]->(l:ListEntry) |
         {entry: l {.key, .listType, .caseNo, labels: labels(l)}, listType: l.listType, caseNo: coalesce(f.caseNo, l.caseNo),
          filedOn: f.filedOn, amountWan: f.amountWan, victims: f.victims}] AS flags
