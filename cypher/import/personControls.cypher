// Non-equity control of a firm by a person (协议控制 agreement control, 代持 nominee holding,
// 表决权委托 voting entrustment …), each with its basis, dates and source.
// Parameters:
//   $rows list of maps — {fromKey, firmKey, basis, props (basisText, validFrom, validTo, source), prov}
// Grounds: DOMAIN.md §3 CONTROLS {basis} Person|Company → Company; Order 2024 No. 3 art. (3) control by agreement.
UNWIND $rows AS r
MATCH (x:Person {key: r.fromKey})
MATCH (c:Company {key: r.firmKey})
MERGE (x)-[s:CONTROLS {basis: r.basis}]->(c)
SET s.basisText = coalesce(r.props.basisText, s.basisText),
    s.evidence = coalesce(r.props.evidence, s.evidence),
    s.validFrom = coalesce(r.props.validFrom, s.validFrom),
    s.validTo = coalesce(r.props.validTo, s.validTo),
    s.source = coalesce(r.props.source, s.source),
    s.provenance = CASE WHEN r.prov IN coalesce(s.provenance, []) THEN s.provenance
                        ELSE coalesce(s.provenance, []) + r.prov END
