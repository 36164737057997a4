// Ties between two persons (亲属 family ties and the like), each with its basis and source.
// Parameters:
//   $rows list of maps — {fromKey, toKey, basis, props (basisText, validFrom, validTo, source), prov}
// Grounds: DOMAIN.md §3 RELATED_TO {basis} Person → Person; Order 2024 No. 3: control jointly through family ties.
UNWIND $rows AS r
MATCH (a:Person {key: r.fromKey})
MATCH (b:Person {key: r.toKey})
MERGE (a)-[s:RELATED_TO {basis: r.basis}]->(b)
SET s.basisText = coalesce(r.props.basisText, s.basisText),
    s.evidence = coalesce(r.props.evidence, s.evidence),
    s.validFrom = coalesce(r.props.validFrom, s.validFrom),
    s.validTo = coalesce(r.props.validTo, s.validTo),
    s.source = coalesce(r.props.source, s.source),
    s.provenance = CASE WHEN r.prov IN coalesce(s.provenance, []) THEN s.provenance
                        ELSE coalesce(s.provenance, []) + r.prov END
