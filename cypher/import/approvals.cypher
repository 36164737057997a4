// Approvals of trading venues (交易场所批准): who approved, by which document, when, in which
// province, and whether that province passed the inter-ministerial acceptance (部际联席会议验收).
// The approved firm is labelled Exchange.
// Parameters:
//   $rows list of maps — {venueKey, approval: {key, props}, prov}
// Grounds: DOMAIN.md §3 APPROVED_BY Exchange → Approval; §5.3.
UNWIND $rows AS r
MATCH (v:Company {key: r.venueKey})
SET v:Exchange
MERGE (a:Approval {key: r.approval.key})
SET a.approvingAuthority = coalesce(r.approval.props.approvingAuthority, a.approvingAuthority),
    a.documentNo = coalesce(r.approval.props.documentNo, a.documentNo),
    a.approvedOn = coalesce(r.approval.props.approvedOn, a.approvedOn),
    a.province = coalesce(r.approval.props.province, a.province),
    a.provinceCode = coalesce(r.approval.props.provinceCode, a.provinceCode),
    a.acceptancePassed = coalesce(r.approval.props.acceptancePassed, a.acceptancePassed),
    a.category = coalesce(r.approval.props.category, a.category),
    a.provenance = CASE WHEN r.prov IN coalesce(a.provenance, []) THEN a.provenance
                        ELSE coalesce(a.provenance, []) + r.prov END
MERGE (v)-[s:APPROVED_BY]->(a)
SET s.provenance = CASE WHEN r.prov IN coalesce(s.provenance, []) THEN s.provenance
                        ELSE coalesce(s.provenance, []) + r.prov END
