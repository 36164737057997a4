// Beneficial owners filed by firms (受益所有人备案): who was filed, with which type of ownership
// and ratio, from when to when. Kept as filed, apart from the computed owners, so the two can be
// compared (a lead for hidden holders).
// Parameters:
//   $rows list of maps — {firmKey, filing: {key, props (ownerKey, ownerName, interestType, ratio, validFrom, validTo)}, prov}
// Grounds: DOMAIN.md §3 FILED_BO Company → BOFiling; PBOC/SAMR Order 2024 No. 3.
UNWIND $rows AS r
MATCH (c:Company {key: r.firmKey})
MERGE (b:BOFiling {key: r.filing.key})
SET b.ownerKey = coalesce(r.filing.props.ownerKey, b.ownerKey),
    b.ownerName = coalesce(r.filing.props.ownerName, b.ownerName),
    b.interestType = coalesce(r.filing.props.interestType, b.interestType),
    b.ratio = coalesce(r.filing.props.ratio, b.ratio),
    b.validFrom = coalesce(r.filing.props.validFrom, b.validFrom),
    b.validTo = coalesce(r.filing.props.validTo, b.validTo),
    b.source = coalesce(r.filing.props.source, b.source),
    b.provenance = CASE WHEN r.prov IN coalesce(b.provenance, []) THEN b.provenance
                        ELSE coalesce(b.provenance, []) + r.prov END
MERGE (c)-[s:FILED_BO]->(b)
SET s.provenance = CASE WHEN r.prov IN coalesce(s.provenance, []) THEN s.provenance
                        ELSE coalesce(s.provenance, []) + r.prov END
