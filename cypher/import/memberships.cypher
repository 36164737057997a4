// Members, agents, brokers and authorised service institutions of trading venues
// (会员/代理商/居间商/授权服务机构): supervised like branches, so each keeps its type and number.
// The venue is labelled Exchange.
// Parameters:
//   $rows list of maps — {memberKey, venueKey, memberType, props (memberNo, status, validFrom, validTo), prov}
// Grounds: DOMAIN.md §3 MEMBER_OF {memberType, memberNo} Company → Exchange; source documents 000, 001.
UNWIND $rows AS r
MATCH (m:Company {key: r.memberKey})
MATCH (v:Company {key: r.venueKey})
SET v:Exchange
MERGE (m)-[s:MEMBER_OF {memberType: r.memberType}]->(v)
SET s.memberTypeText = coalesce(r.props.memberTypeText, s.memberTypeText),
    s.memberNo = coalesce(r.props.memberNo, s.memberNo),
    s.status = coalesce(r.props.status, s.status),
    s.validFrom = coalesce(r.props.validFrom, s.validFrom),
    s.validTo = coalesce(r.props.validTo, s.validTo),
    s.provenance = CASE WHEN r.prov IN coalesce(s.provenance, []) THEN s.provenance
                        ELSE coalesce(s.provenance, []) + r.prov END
