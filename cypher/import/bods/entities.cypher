// Upserts the firms (entities) of BODS statements. A firm keyed by its USCC or a register number
// may already hold registration facts: BODS fills only what is missing there, and renames only a
// firm whose name came from an earlier BODS statement (the name it replaces kept as a PriorValue);
// the other name of the two, whichever statement is imported first, is kept among formerNames.
// Every statement id and record id that asserted the firm is kept, with its provenance entry.
// Parameters:
//   $rows list of maps — {key, props (non-null properties; establishedOn/dissolvedOn as dates;
//     alternateNames, identifiers as string lists), statementId, statementDate ('' when the
//     statement has none), recordId, prov ('runId/fileNo:row')}
// Grounds: DOMAIN.md §3 keys, provenance, "nothing is silently overwritten"; BODS 0.4 entity record.
UNWIND $rows AS r
MERGE (c:Company {key: r.key})
ON CREATE SET c += r.props, c.bodsNameDate = r.statementDate
WITH c, r,
     c.bodsNameDate IS NOT NULL AND r.statementDate > c.bodsNameDate AND r.props.name <> c.name AS renamed,
     c.bodsNameDate IS NOT NULL AND r.statementDate < c.bodsNameDate AND r.props.name <> c.name AS olderName
CALL (c, r, renamed) {
  WITH c, r WHERE renamed
  CREATE (c)-[:HAD_VALUE]->(:PriorValue {property: 'name', value: c.name, assertedBy: c.provenance,
                                         replacedBy: r.prov, replacedAt: datetime()})
}
WITH c, r, renamed,
     CASE WHEN renamed THEN c.name WHEN olderName THEN r.props.name END AS former,
     CASE WHEN renamed THEN c.normalizedName WHEN olderName THEN r.props.normalizedName END AS normalizedFormer
WITH c, r, renamed,
     CASE WHEN former IS NOT NULL AND NOT former IN coalesce(c.formerNames, []) THEN coalesce(c.formerNames, []) + former
          ELSE c.formerNames END AS formerNames,
     CASE WHEN normalizedFormer IS NOT NULL AND NOT normalizedFormer IN coalesce(c.normalizedFormerNames, [])
          THEN coalesce(c.normalizedFormerNames, []) + normalizedFormer ELSE c.normalizedFormerNames END AS normalizedFormerNames
SET c.formerNames = formerNames,
    c.normalizedFormerNames = normalizedFormerNames,
    c.formerNamesText = CASE WHEN formerNames IS NULL THEN c.formerNamesText
                             ELSE reduce(t = '', n IN formerNames | t + CASE WHEN t = '' THEN '' ELSE ' ' END + n) END,
    c.name = CASE WHEN renamed THEN r.props.name ELSE c.name END,
    c.normalizedName = CASE WHEN renamed THEN r.props.normalizedName ELSE coalesce(c.normalizedName, r.props.normalizedName) END,
    c.bodsNameDate = CASE WHEN renamed THEN r.statementDate ELSE c.bodsNameDate END,
    c.uscc = coalesce(c.uscc, r.props.uscc),
    c.companyType = coalesce(c.companyType, r.props.companyType),
    c.jurisdiction = coalesce(c.jurisdiction, r.props.jurisdiction),
    c.establishedOn = coalesce(c.establishedOn, r.props.establishedOn),
    c.dissolvedOn = coalesce(c.dissolvedOn, r.props.dissolvedOn),
    c.registeredAddress = coalesce(c.registeredAddress, r.props.registeredAddress),
    c.operatingAddress = coalesce(c.operatingAddress, r.props.operatingAddress),
    c.alternateNames = CASE WHEN r.props.alternateNames IS NULL THEN c.alternateNames
                            ELSE coalesce(c.alternateNames, []) + [n IN r.props.alternateNames WHERE NOT n IN coalesce(c.alternateNames, [])] END,
    c.identifiers = CASE WHEN r.props.identifiers IS NULL THEN c.identifiers
                         ELSE coalesce(c.identifiers, []) + [i IN r.props.identifiers WHERE NOT i IN coalesce(c.identifiers, [])] END,
    c.bodsStatementDate = CASE WHEN c.bodsStatementDate IS NULL OR r.statementDate > c.bodsStatementDate
                               THEN r.statementDate ELSE c.bodsStatementDate END,
    c.bodsRecordIds = CASE WHEN r.recordId IN coalesce(c.bodsRecordIds, []) THEN c.bodsRecordIds
                           ELSE coalesce(c.bodsRecordIds, []) + r.recordId END,
    c.bodsStatementIds = CASE WHEN r.statementId IN coalesce(c.bodsStatementIds, []) THEN c.bodsStatementIds
                              ELSE coalesce(c.bodsStatementIds, []) + r.statementId END,
    c.provenance = CASE WHEN r.prov IN coalesce(c.provenance, []) THEN c.provenance
                        ELSE coalesce(c.provenance, []) + r.prov END
