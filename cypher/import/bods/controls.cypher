// Non-equity interests from BODS relationship statements (voting rights, appointment of the board,
// other influence or control, trust and nominee roles …) as CONTROLS, one per holder, firm and
// basis (the BODS interestType in kebab case, e.g. 'voting-rights'). The statement with the latest
// statement date is current and sets share and dates; an earlier one only adds its id.
// "Current" (new, or this statement at least as late as the one that set the values) is tested
// in every item of the one SET, which reads the values as they were before it: a test in a WITH
// of its own would need an Eager operator.
// Parameters:
//   $rows list of maps — {holderKey (a Person or Company key), firmKey, basis, props {basisText,
//     ratio, ratioMin, ratioMinExclusive, ratioMax, ratioMaxExclusive, ratioText, validFrom,
//     validTo, declaredBeneficialOwner}, statementId, statementDate ('' when none), recordId, prov}
// Grounds: DOMAIN.md §3 CONTROLS {basis} Person|Company → Company; BODS 0.4 interestType codelist.
UNWIND $rows AS r
MATCH (c:Company {key: r.firmKey})
OPTIONAL MATCH (hp:Person {key: r.holderKey})
OPTIONAL MATCH (hc:Company {key: r.holderKey})
WITH c, r, coalesce(hp, hc) AS h
WHERE h IS NOT NULL
MERGE (h)-[s:CONTROLS {basis: r.basis}]->(c)
SET s.basisText = CASE WHEN s.provenance IS NULL OR r.statementDate >= s.bodsStatementDate
                       THEN r.props.basisText ELSE s.basisText END,
    s.ratio = CASE WHEN s.provenance IS NULL OR r.statementDate >= s.bodsStatementDate
                       THEN r.props.ratio ELSE s.ratio END,
    s.ratioMin = CASE WHEN s.provenance IS NULL OR r.statementDate >= s.bodsStatementDate
                       THEN r.props.ratioMin ELSE s.ratioMin END,
    s.ratioMinExclusive = CASE WHEN s.provenance IS NULL OR r.statementDate >= s.bodsStatementDate
                       THEN r.props.ratioMinExclusive ELSE s.ratioMinExclusive END,
    s.ratioMax = CASE WHEN s.provenance IS NULL OR r.statementDate >= s.bodsStatementDate
                       THEN r.props.ratioMax ELSE s.ratioMax END,
    s.ratioMaxExclusive = CASE WHEN s.provenance IS NULL OR r.statementDate >= s.bodsStatementDate
                       THEN r.props.ratioMaxExclusive ELSE s.ratioMaxExclusive END,
    s.ratioText = CASE WHEN s.provenance IS NULL OR r.statementDate >= s.bodsStatementDate
                       THEN r.props.ratioText ELSE s.ratioText END,
    s.validFrom = CASE WHEN s.provenance IS NULL OR r.statementDate >= s.bodsStatementDate
                       THEN r.props.validFrom ELSE s.validFrom END,
    s.validTo = CASE WHEN s.provenance IS NULL OR r.statementDate >= s.bodsStatementDate
                       THEN r.props.validTo ELSE s.validTo END,
    s.declaredBeneficialOwner = CASE WHEN s.provenance IS NULL OR r.statementDate >= s.bodsStatementDate
                       THEN r.props.declaredBeneficialOwner ELSE s.declaredBeneficialOwner END,
    s.source = coalesce(s.source, 'bods'),
    s.bodsStatementId = CASE WHEN s.provenance IS NULL OR r.statementDate >= s.bodsStatementDate
                       THEN r.statementId ELSE s.bodsStatementId END,
    s.bodsRecordId = CASE WHEN s.provenance IS NULL OR r.statementDate >= s.bodsStatementDate
                       THEN r.recordId ELSE s.bodsRecordId END,
    s.bodsStatementDate = CASE WHEN s.provenance IS NULL OR r.statementDate >= s.bodsStatementDate
                       THEN r.statementDate ELSE s.bodsStatementDate END,
    s.bodsStatementIds = CASE WHEN r.statementId IN coalesce(s.bodsStatementIds, []) THEN s.bodsStatementIds
                              ELSE coalesce(s.bodsStatementIds, []) + r.statementId END,
    s.provenance = CASE WHEN r.prov IN coalesce(s.provenance, []) THEN s.provenance
                        ELSE coalesce(s.provenance, []) + r.prov END
