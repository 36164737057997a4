// Trading venues and venue-like firms with what they have in a province: every Exchange (a firm
// that has members or an approval) and every other firm whose name or former name contains one of
// the venue words (交易所, 交易中心, 交易市场, 贵金属 …, found through the entity_names full-text
// index, never by scanning names); per venue its members, agents, brokers and authorised service
// institutions and its branches that are registered or operate in the province (or whose place is
// unknown), its operating addresses, approvals and listings. Venues with nothing in the province
// are left out. Whether a place lies inside the jurisdiction is decided by the caller
// (model/divisions.ts isWithin); the province prefix here only keeps the rows to those that may.
// Per venue at most $fanOut members and $fanOut branches are returned (known places first), with
// how many there are in all, so a cap is reported, never silent.
// Parameters:
//   $queries  list of string — one Lucene query per venue word over name and formerNamesText, built
//             by analyses/fulltextQuery.ts (user text never reaches the parser as syntax)
//   $terms    list of string — the same words, checked against the name and former names
//   $province string — the jurisdiction's 2-digit province prefix ('' for the national code)
//   $asOf     date or null — the day asked about: memberships, branches and listings with validFrom
//             absent or on or before it and validTo absent or after it, approvals given on or
//             before it; null: the current ones (validTo absent)
//   $fanOut   integer — most members and most branches returned per venue
// Grounds: DOMAIN.md §2 registration place (登记机关 and 住所 first, the USCC's division as
//   fallback); §3 MEMBER_OF {memberType}, BRANCH_OF, OPERATES_AT → Address → Region, APPROVED_BY,
//   FLAGGED; §5.3 venues registered elsewhere and operating here (省外注册、省内经营).
CALL () {
  MATCH (v:Exchange)
  RETURN v
  UNION
  UNWIND $queries AS query
  CALL db.index.fulltext.queryNodes('entity_names', query) YIELD node
  WITH node
  WHERE node:Company AND NOT node:Branch
    AND any(t IN $terms WHERE node.name CONTAINS t OR coalesce(node.formerNamesText, '') CONTAINS t)
  RETURN node AS v
}
WITH DISTINCT v
CALL (v) {
  OPTIONAL MATCH (m:Company)-[r:MEMBER_OF]->(v)
  WHERE CASE WHEN $asOf IS NULL THEN r.validTo IS NULL
             ELSE coalesce(r.validFrom <= $asOf, true) AND coalesce(r.validTo > $asOf, true) END
  WITH m, r WHERE m IS NOT NULL
  WITH m, r,
       [(m)-[:OPERATES_AT]->(a:Address) WHERE a.regionCode IS NOT NULL | {key: a.key, text: a.text, code: a.regionCode}] AS operating,
       coalesce(m.regionCode, CASE WHEN m.uscc IS NOT NULL THEN substring(m.uscc, 2, 6) ELSE substring(m.registrationNumber, 0, 6) END) AS registered
  WHERE (registered STARTS WITH $province OR any(o IN operating WHERE o.code STARTS WITH $province)
         OR (registered IS NULL AND size(operating) = 0))
  WITH m, r, operating, registered
  ORDER BY CASE WHEN registered IS NULL AND size(operating) = 0 THEN 1 ELSE 0 END, m.key
  WITH collect({
    entity: {kind: 'COMPANY', key: m.key, name: m.name},
    regionCode: m.regionCode, uscc: m.uscc, registrationNumber: m.registrationNumber, operating: operating,
    memberType: r.memberType, memberTypeText: r.memberTypeText, memberNo: r.memberNo, status: r.status,
    validFrom: r.validFrom, validTo: r.validTo
  }) AS found
  RETURN size(found) AS memberCount, found[0..$fanOut] AS members
}
CALL (v) {
  OPTIONAL MATCH (b:Company)-[r:BRANCH_OF]->(v)
  WHERE CASE WHEN $asOf IS NULL THEN r.validTo IS NULL
             ELSE coalesce(r.validFrom <= $asOf, true) AND coalesce(r.validTo > $asOf, true) END
  WITH b, r WHERE b IS NOT NULL
  WITH b, r,
       [(b)-[:OPERATES_AT]->(a:Address) WHERE a.regionCode IS NOT NULL | {key: a.key, text: a.text, code: a.regionCode}] AS operating,
       coalesce(b.regionCode, CASE WHEN b.uscc IS NOT NULL THEN substring(b.uscc, 2, 6) ELSE substring(b.registrationNumber, 0, 6) END) AS registered
  WHERE (registered STARTS WITH $province OR any(o IN operating WHERE o.code STARTS WITH $province)
         OR (registered IS NULL AND size(operating) = 0))
  WITH b, r, operating, registered
  ORDER BY CASE WHEN registered IS NULL AND size(operating) = 0 THEN 1 ELSE 0 END, b.key
  WITH collect({
    entity: {kind: 'COMPANY', key: b.key, name: b.name},
    regionCode: b.regionCode, uscc: b.uscc, registrationNumber: b.registrationNumber, operating: operating,
    validFrom: r.validFrom, validTo: r.validTo
  }) AS found
  RETURN size(found) AS branchCount, found[0..$fanOut] AS branches
}
WITH v, memberCount, members, branchCount, branches,
     [(v)-[:OPERATES_AT]->(a:Address) WHERE a.regionCode STARTS WITH $province | {key: a.key, text: a.text, code: a.regionCode}] AS operating
WHERE memberCount > 0 OR branchCount > 0 OR size(operating) > 0
RETURN {
  kind: 'COMPANY', key: v.key, name: v.name, exchange: v:Exchange, uscc: v.uscc, registrationNumber: v.registrationNumber,
  regionCode: v.regionCode, regionVia: v.regionVia, tradingModel: v.tradingModel, formerNames: coalesce(v.formerNames, [])
} AS venue,
  memberCount, members, branchCount, branches, operating,
  [(v)-[:APPROVED_BY]->(a:Approval) WHERE $asOf IS NULL OR coalesce(a.approvedOn <= $asOf, true) | {
    key: a.key, documentNo: a.documentNo, approvingAuthority: a.approvingAuthority, approvedOn: a.approvedOn,
    province: a.province, provinceCode: a.provinceCode, acceptancePassed: a.acceptancePassed, category: a.category
  }] AS approvals,
  [(v)-[f:FLAGGED]->(l:ListEntry)
   WHERE CASE WHEN $asOf IS NULL THEN f.validTo IS NULL
              ELSE coalesce(f.validFrom <= $asOf, true) AND coalesce(f.validTo > $asOf, true) END | {
    entry: l.key, listType: l.listType, caseNo: coalesce(f.caseNo, l.caseNo), note: coalesce(f.note, l.note), source: coalesce(f.source, l.source)
  }] AS listings
ORDER BY venue.key
