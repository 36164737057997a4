// A firm's place among other firms beside ownership: its head office and branches (分支机构), the
// trading venues it is a member, agent, broker or service institution of, and — for a venue — its
// own members and agents. Each with its details and provenance; branches and members at most $limit,
// with the count of all.
// Parameters:
//   $key   string — the firm's key
//   $limit integer — most branches and most members returned
// Grounds: DOMAIN.md §3 BRANCH_OF Company(branch) → Company(head office); MEMBER_OF {memberType,
//   memberNo} Company → Exchange (members and agents are supervised like branches).
MATCH (c:Company {key: $key})
CALL (c) {
  OPTIONAL MATCH (c)-[r:BRANCH_OF]->(h:Company)
  WITH h, r LIMIT 1
  RETURN CASE WHEN h IS NULL THEN null ELSE {
    firm: {kind: 'COMPANY', key: h.key, name: h.name, identifier: coalesce(h.uscc, h.registrationNumber), status: h.status},
    validFrom: r.validFrom, validTo: r.validTo, provenance: coalesce(r.provenance, [])} END AS headOffice
}
CALL (c) {
  MATCH (b:Company)-[r:BRANCH_OF]->(c)
  WITH b, r ORDER BY b.name, b.key
  LIMIT $limit
  RETURN collect({
    firm: {kind: 'COMPANY', key: b.key, name: b.name, identifier: coalesce(b.uscc, b.registrationNumber), status: b.status,
            address: coalesce(b.premisesAddress, b.registeredAddress)},
    validFrom: r.validFrom, validTo: r.validTo, provenance: coalesce(r.provenance, [])}) AS branches
}
CALL (c) {
  MATCH (c)-[m:MEMBER_OF]->(v:Company)
  WITH v, m ORDER BY v.name, m.memberType
  RETURN collect({
    firm: {kind: 'COMPANY', key: v.key, name: v.name, identifier: coalesce(v.uscc, v.registrationNumber), status: v.status},
    memberType: m.memberType, memberTypeText: m.memberTypeText, memberNo: m.memberNo, status: m.status,
    validFrom: m.validFrom, validTo: m.validTo, provenance: coalesce(m.provenance, [])}) AS memberships
}
CALL (c) {
  MATCH (x:Company)-[m:MEMBER_OF]->(c)
  WITH x, m ORDER BY m.memberType, x.name, x.key
  LIMIT $limit
  RETURN collect({
    firm: {kind: 'COMPANY', key: x.key, name: x.name, identifier: coalesce(x.uscc, x.registrationNumber), status: x.status},
    memberType: m.memberType, memberTypeText: m.memberTypeText, memberNo: m.memberNo, status: m.status,
    validFrom: m.validFrom, validTo: m.validTo, provenance: coalesce(m.provenance, [])}) AS members
}
RETURN headOffice, branches, COUNT { (:Company)-[:BRANCH_OF]->(c) } AS branchTotal,
       memberships, members, COUNT { (:Company)-[:MEMBER_OF]->(c) } AS memberTotal
