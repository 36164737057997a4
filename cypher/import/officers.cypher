// Officers (主要人员: 董事长, 执行董事, 总经理, 监事, 财务负责人, branch 负责人 …) of firms, one
// relationship per role so a person who is both director and manager keeps both.
// Parameters:
//   $rows list of maps — {firmKey, personKey, role, props (validFrom/validTo when given), prov}
// Grounds: DOMAIN.md §3 OFFICER_OF {role} Person → Company.
UNWIND $rows AS r
MATCH (c:Company {key: r.firmKey})
MATCH (p:Person {key: r.personKey})
MERGE (p)-[o:OFFICER_OF {role: r.role}]->(c)
SET o.validFrom = coalesce(r.props.validFrom, o.validFrom),
    o.validTo = coalesce(r.props.validTo, o.validTo),
    o.provenance = CASE WHEN r.prov IN coalesce(o.provenance, []) THEN o.provenance
                        ELSE coalesce(o.provenance, []) + r.prov END
