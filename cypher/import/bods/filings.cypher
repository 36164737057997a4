// Declared indirect interests from BODS relationship statements, kept as declared: a BOFiling of
// the subject firm naming the owner (person or entity), the interest type and the declared share,
// apart from the holdings, so the analyses can compare what was declared with what the chain of
// holdings computes. One filing per firm, owner and interest type: the statement with the latest
// statement date is current; an earlier one only adds its id.
// "Current" (new, or this statement at least as late as the one that set the values) is tested
// in every item of the one SET, which reads the values as they were before it: a test in a WITH
// of its own would need an Eager operator.
// Parameters:
//   $rows list of maps — {firmKey, key (filing key), props {ownerKey, ownerName, interestType,
//     interestDetails, ratio, ratioMin, ratioMinExclusive, ratioMax, ratioMaxExclusive, ratioText,
//     validFrom, validTo, declaredBeneficialOwner, isComponent}, statementId, statementDate ('' when
//     none), recordId, prov}
// Grounds: DOMAIN.md §3 FILED_BO Company → BOFiling, §5.1 declared vs computed owners; BODS 0.4
//   directOrIndirect 'indirect' (the primary relationship of an indirect chain).
UNWIND $rows AS r
MATCH (c:Company {key: r.firmKey})
MERGE (b:BOFiling {key: r.key})
SET b.ownerKey = CASE WHEN b.provenance IS NULL OR r.statementDate >= b.bodsStatementDate
                       THEN r.props.ownerKey ELSE b.ownerKey END,
    b.ownerName = CASE WHEN b.provenance IS NULL OR r.statementDate >= b.bodsStatementDate
                       THEN r.props.ownerName ELSE b.ownerName END,
    b.interestType = CASE WHEN b.provenance IS NULL OR r.statementDate >= b.bodsStatementDate
                       THEN r.props.interestType ELSE b.interestType END,
    b.interestDetails = CASE WHEN b.provenance IS NULL OR r.statementDate >= b.bodsStatementDate
                       THEN r.props.interestDetails ELSE b.interestDetails END,
    b.ratio = CASE WHEN b.provenance IS NULL OR r.statementDate >= b.bodsStatementDate
                       THEN r.props.ratio ELSE b.ratio END,
    b.ratioMin = CASE WHEN b.provenance IS NULL OR r.statementDate >= b.bodsStatementDate
                       THEN r.props.ratioMin ELSE b.ratioMin END,
    b.ratioMinExclusive = CASE WHEN b.provenance IS NULL OR r.statementDate >= b.bodsStatementDate
                       THEN r.props.ratioMinExclusive ELSE b.ratioMinExclusive END,
    b.ratioMax = CASE WHEN b.provenance IS NULL OR r.statementDate >= b.bodsStatementDate
                       THEN r.props.ratioMax ELSE b.ratioMax END,
    b.ratioMaxExclusive = CASE WHEN b.provenance IS NULL OR r.statementDate >= b.bodsStatementDate
                       THEN r.props.ratioMaxExclusive ELSE b.ratioMaxExclusive END,
    b.ratioText = CASE WHEN b.provenance IS NULL OR r.statementDate >= b.bodsStatementDate
                       THEN r.props.ratioText ELSE b.ratioText END,
    b.validFrom = CASE WHEN b.provenance IS NULL OR r.statementDate >= b.bodsStatementDate
                       THEN r.props.validFrom ELSE b.validFrom END,
    b.validTo = CASE WHEN b.provenance IS NULL OR r.statementDate >= b.bodsStatementDate
                       THEN r.props.validTo ELSE b.validTo END,
    b.declaredBeneficialOwner = CASE WHEN b.provenance IS NULL OR r.statementDate >= b.bodsStatementDate
                       THEN r.props.declaredBeneficialOwner ELSE b.declaredBeneficialOwner END,
    b.isComponent = CASE WHEN b.provenance IS NULL OR r.statementDate >= b.bodsStatementDate
                       THEN r.props.isComponent ELSE b.isComponent END,
    b.source = 'bods',
    b.declaredIndirect = true,
    b.statementId = CASE WHEN b.provenance IS NULL OR r.statementDate >= b.bodsStatementDate
                       THEN r.statementId ELSE b.statementId END,
    b.bodsRecordId = CASE WHEN b.provenance IS NULL OR r.statementDate >= b.bodsStatementDate
                       THEN r.recordId ELSE b.bodsRecordId END,
    b.bodsStatementDate = CASE WHEN b.provenance IS NULL OR r.statementDate >= b.bodsStatementDate
                       THEN r.statementDate ELSE b.bodsStatementDate END,
    b.bodsStatementIds = CASE WHEN r.statementId IN coalesce(b.bodsStatementIds, []) THEN b.bodsStatementIds
                              ELSE coalesce(b.bodsStatementIds, []) + r.statementId END,
    b.provenance = CASE WHEN r.prov IN coalesce(b.provenance, []) THEN b.provenance
                        ELSE coalesce(b.provenance, []) + r.prov END
MERGE (c)-[f:FILED_BO]->(b)
SET f.provenance = CASE WHEN r.prov IN coalesce(f.provenance, []) THEN f.provenance
                        ELSE coalesce(f.provenance, []) + r.prov END
