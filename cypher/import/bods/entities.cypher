// Upserts the firms (entities) of BODS statements. A firm keyed by its USCC or a register number
// may already hold registration facts: BODS fills only what is missing there, and renames only a
// firm whose name came from an earlier BODS statement (the name it replaces kept as a PriorValue
// by import/bods/entityHistory, just before); the other name of the two, whichever statement is
// imported first, is kept among formerNames. Every statement id and record id that asserted the
// firm is kept, with its provenance entry. A firm new to the graph takes the row's values.
// One SET, every test inside it ("renamed": a later statement names the firm otherwise; "older":
// an earlier one does), because the SET reads the firm as it was before the clause and a test in
// a WITH of its own would need an Eager operator. `[x IN [value] | …][0]` names a value once.
// Parameters:
//   $rows list of maps — {key, props (non-null properties; establishedOn/dissolvedOn as dates;
//     alternateNames, identifiers as string lists), statementId, statementDate ('' when the
//     statement has none), recordId, prov ('runId/fileNo:row')}, no key twice (generations)
// Grounds: DOMAIN.md §3 keys, provenance, "nothing is silently overwritten"; BODS 0.4 entity record.
UNWIND $rows AS r
MERGE (c:Company {key: r.key})
SET c.formerNames = [former IN [CASE WHEN r.statementDate > c.bodsNameDate AND r.props.name <> c.name THEN c.name WHEN r.statementDate < c.bodsNameDate AND r.props.name <> c.name THEN r.props.name END] |
                     CASE WHEN former IS NOT NULL AND NOT former IN coalesce(c.formerNames, [])
                          THEN coalesce(c.formerNames, []) + former ELSE c.formerNames END][0],
    c.normalizedFormerNames = [former IN [CASE WHEN r.statementDate > c.bodsNameDate AND r.props.name <> c.name THEN c.normalizedName WHEN r.statementDate < c.bodsNameDate AND r.props.name <> c.name THEN r.props.normalizedName END] |
                               CASE WHEN former IS NOT NULL AND NOT former IN coalesce(c.normalizedFormerNames, [])
                                    THEN coalesce(c.normalizedFormerNames, []) + former ELSE c.normalizedFormerNames END][0],
    // The pinyin of the name that became a former name, added beside the others (model/names.ts pinyinForms).
    c.formerNamesPinyin = [former IN [CASE WHEN r.statementDate > c.bodsNameDate AND r.props.name <> c.name THEN [c.name, c.namePinyin] WHEN r.statementDate < c.bodsNameDate AND r.props.name <> c.name THEN [r.props.name, r.props.namePinyin] END] |
                           CASE WHEN former IS NOT NULL AND former[1] IS NOT NULL AND NOT former[0] IN coalesce(c.formerNames, [])
                                THEN trim(coalesce(c.formerNamesPinyin, '') + ' ' + former[1]) ELSE c.formerNamesPinyin END][0],
    // Rewritten from the whole list whenever the firm has former names, as the name search reads it.
    c.formerNamesText = [names IN [[former IN [CASE WHEN r.statementDate > c.bodsNameDate AND r.props.name <> c.name THEN c.name WHEN r.statementDate < c.bodsNameDate AND r.props.name <> c.name THEN r.props.name END] |
                                    CASE WHEN former IS NOT NULL AND NOT former IN coalesce(c.formerNames, [])
                                         THEN coalesce(c.formerNames, []) + former ELSE c.formerNames END][0]] |
                         CASE WHEN names IS NULL THEN c.formerNamesText
                              ELSE reduce(t = '', n IN names | t + CASE WHEN t = '' THEN '' ELSE ' ' END + n) END][0],
    c.name = CASE WHEN r.statementDate > c.bodsNameDate AND r.props.name <> c.name THEN r.props.name ELSE coalesce(c.name, r.props.name) END,
    c.normalizedName = CASE WHEN r.statementDate > c.bodsNameDate AND r.props.name <> c.name THEN r.props.normalizedName
                            ELSE coalesce(c.normalizedName, r.props.normalizedName) END,
    c.namePinyin = CASE WHEN r.statementDate > c.bodsNameDate AND r.props.name <> c.name THEN r.props.namePinyin
                        ELSE coalesce(c.namePinyin, r.props.namePinyin) END,
    c.bodsNameDate = CASE WHEN c.provenance IS NULL OR (r.statementDate > c.bodsNameDate AND r.props.name <> c.name) THEN r.statementDate
                          ELSE c.bodsNameDate END,
    c.keyBasis = CASE WHEN c.provenance IS NULL THEN r.props.keyBasis ELSE c.keyBasis END,
    c.keyUnverified = CASE WHEN c.provenance IS NULL THEN r.props.keyUnverified ELSE c.keyUnverified END,
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
