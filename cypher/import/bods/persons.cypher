// Upserts the natural persons of BODS statements. A person keyed to a BODS record is that
// record's: the statement with the latest statement date is current and sets the properties (the
// values it replaces were kept as PriorValues by import/bods/personHistory, just before); an
// earlier one (imported later) only adds its statement id, and its name among alternateNames if
// it differs. A person keyed by a full Chinese ID number may be known from other sources: BODS
// then fills only what is missing. A person new to the graph takes the row's values.
// One SET, every test inside it ("current": new, or this statement at least as late as the
// person's), because the SET reads the person as it was before the clause and a test in a WITH
// of its own would need an Eager operator.
// Parameters:
//   $rows list of maps — {key, props (non-null properties), statementId, statementDate ('' when
//     none), recordId, prov ('runId/fileNo:row')}, no key twice (generations)
// Grounds: DOMAIN.md §3 person keys, provenance, "nothing is silently overwritten".
UNWIND $rows AS r
MERGE (p:Person {key: r.key})
SET p.name = CASE WHEN p.provenance IS NULL OR r.statementDate >= p.bodsStatementDate THEN r.props.name ELSE p.name END,
    p.normalizedName = CASE WHEN p.provenance IS NULL OR r.statementDate >= p.bodsStatementDate THEN r.props.normalizedName
                            ELSE coalesce(p.normalizedName, r.props.normalizedName) END,
    p.namePinyin = CASE WHEN p.provenance IS NULL OR r.statementDate >= p.bodsStatementDate THEN r.props.namePinyin
                        ELSE coalesce(p.namePinyin, r.props.namePinyin) END,
    p.personType = CASE WHEN p.provenance IS NULL OR r.statementDate >= p.bodsStatementDate THEN r.props.personType
                   ELSE coalesce(p.personType, r.props.personType) END,
    p.nationality = CASE WHEN p.provenance IS NULL OR r.statementDate >= p.bodsStatementDate THEN r.props.nationality
                   ELSE coalesce(p.nationality, r.props.nationality) END,
    p.birthDate = CASE WHEN p.provenance IS NULL OR r.statementDate >= p.bodsStatementDate THEN r.props.birthDate
                   ELSE coalesce(p.birthDate, r.props.birthDate) END,
    p.birthDateText = CASE WHEN p.provenance IS NULL OR r.statementDate >= p.bodsStatementDate THEN r.props.birthDateText
                   ELSE coalesce(p.birthDateText, r.props.birthDateText) END,
    p.keyBasis = coalesce(p.keyBasis, r.props.keyBasis),
    p.idNumber = coalesce(p.idNumber, r.props.idNumber),
    p.idMasked = coalesce(p.idMasked, r.props.idMasked),
    p.idKind = coalesce(p.idKind, r.props.idKind),
    // Of two names for one person, the one not current stays findable among alternateNames.
    p.alternateNames = reduce(names = p.alternateNames,
                              n IN coalesce(r.props.alternateNames, [])
                                   + CASE WHEN p.name <> r.props.name
                                          THEN [CASE WHEN p.provenance IS NULL OR r.statementDate >= p.bodsStatementDate THEN p.name ELSE r.props.name END] ELSE [] END |
                              CASE WHEN n IN coalesce(names, []) THEN names ELSE coalesce(names, []) + n END),
    p.bodsStatementDate = CASE WHEN p.provenance IS NULL OR r.statementDate >= p.bodsStatementDate THEN r.statementDate ELSE p.bodsStatementDate END,
    p.bodsRecordIds = CASE WHEN r.recordId IN coalesce(p.bodsRecordIds, []) THEN p.bodsRecordIds
                           ELSE coalesce(p.bodsRecordIds, []) + r.recordId END,
    p.bodsStatementIds = CASE WHEN r.statementId IN coalesce(p.bodsStatementIds, []) THEN p.bodsStatementIds
                              ELSE coalesce(p.bodsStatementIds, []) + r.statementId END,
    p.provenance = CASE WHEN r.prov IN coalesce(p.provenance, []) THEN p.provenance
                        ELSE coalesce(p.provenance, []) + r.prov END
