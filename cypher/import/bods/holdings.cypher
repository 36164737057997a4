// Direct shareholdings from BODS relationship statements (component statements included: they
// are the path of an indirect holding). One HOLDS_SHARES per holder and firm: the statement with
// the latest statement date is current and sets ratio, range and dates (a range leaves ratio
// null); an earlier statement only adds its id to bodsStatementIds. A holding first recorded by
// another source keeps that source's values.
// "Current" (new, or this statement at least as late as the one that set the values) is tested
// in every item of the one SET, which reads the values as they were before it: a test in a WITH
// of its own would need an Eager operator.
// Parameters:
//   $rows list of maps — {holderKey (a Person or Company key), firmKey, props {ratio, ratioMin,
//     ratioMinExclusive, ratioMax, ratioMaxExclusive, ratioText, validFrom, validTo (dates or null),
//     declaredBeneficialOwner}, statementId, statementDate ('' when none), recordId, prov}
// Grounds: DOMAIN.md §3 HOLDS_SHARES Person|Company → Company, provenance; BODS 0.4 Interest.share.
UNWIND $rows AS r
MATCH (c:Company {key: r.firmKey})
OPTIONAL MATCH (hp:Person {key: r.holderKey})
OPTIONAL MATCH (hc:Company {key: r.holderKey})
WITH c, r, coalesce(hp, hc) AS h
WHERE h IS NOT NULL
MERGE (h)-[s:HOLDS_SHARES]->(c)
SET s.ratio = CASE WHEN s.provenance IS NULL OR r.statementDate >= s.bodsStatementDate
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
