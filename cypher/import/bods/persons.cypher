// Upserts the natural persons of BODS statements. A person keyed to a BODS record is that
// record's: the statement with the latest statement date is current and sets the properties (the
// values it replaces are kept as PriorValues); an earlier one (imported later) only adds its
// statement id, and its name among alternateNames if it differs. A person keyed by a full Chinese ID
// number may be known from other sources: BODS then fills only what is missing.
// Parameters:
//   $rows list of maps — {key, props (non-null properties), statementId, statementDate ('' when
//     none), recordId, prov ('runId/fileNo:row')}
// Grounds: DOMAIN.md §3 person keys, provenance, "nothing is silently overwritten".
UNWIND $rows AS r
MERGE (p:Person {key: r.key})
ON CREATE SET p += r.props, p.bodsStatementDate = r.statementDate
WITH p, r, p.bodsStatementDate IS NOT NULL AND r.statementDate >= p.bodsStatementDate AS current
// What a newer statement changes is kept as a PriorValue, as registrations keep theirs.
CALL (p, r, current) {
  UNWIND [k IN ['name', 'personType', 'nationality', 'birthDate', 'birthDateText']
          WHERE current AND p[k] IS NOT NULL AND (r.props[k] IS NULL OR p[k] <> r.props[k])] AS changed
  CREATE (p)-[:HAD_VALUE]->(:PriorValue {property: changed, value: p[changed], assertedBy: p.provenance,
                                         replacedBy: r.prov, replacedAt: datetime()})
}
// Of two names for one person, the one not current stays findable among alternateNames.
WITH p, r, current, CASE WHEN p.name <> r.props.name THEN CASE WHEN current THEN p.name ELSE r.props.name END END AS other
WITH p, r, current,
     [n IN coalesce(r.props.alternateNames, []) + CASE WHEN other IS NULL THEN [] ELSE [other] END
      WHERE NOT n IN coalesce(p.alternateNames, [])] AS newNames
SET p.name = CASE WHEN current THEN r.props.name ELSE p.name END,
    p.normalizedName = CASE WHEN current THEN r.props.normalizedName ELSE coalesce(p.normalizedName, r.props.normalizedName) END,
    p.personType = CASE WHEN current THEN r.props.personType ELSE coalesce(p.personType, r.props.personType) END,
    p.nationality = CASE WHEN current THEN r.props.nationality ELSE coalesce(p.nationality, r.props.nationality) END,
    p.birthDate = CASE WHEN current THEN r.props.birthDate ELSE coalesce(p.birthDate, r.props.birthDate) END,
    p.birthDateText = CASE WHEN current THEN r.props.birthDateText ELSE coalesce(p.birthDateText, r.props.birthDateText) END,
    p.keyBasis = coalesce(p.keyBasis, r.props.keyBasis),
    p.idNumber = coalesce(p.idNumber, r.props.idNumber),
    p.idMasked = coalesce(p.idMasked, r.props.idMasked),
    p.idKind = coalesce(p.idKind, r.props.idKind),
    p.alternateNames = CASE WHEN size(newNames) = 0 THEN p.alternateNames ELSE coalesce(p.alternateNames, []) + newNames END,
    p.bodsStatementDate = CASE WHEN current THEN r.statementDate ELSE p.bodsStatementDate END,
    p.bodsRecordIds = CASE WHEN r.recordId IN coalesce(p.bodsRecordIds, []) THEN p.bodsRecordIds
                           ELSE coalesce(p.bodsRecordIds, []) + r.recordId END,
    p.bodsStatementIds = CASE WHEN r.statementId IN coalesce(p.bodsStatementIds, []) THEN p.bodsStatementIds
                              ELSE coalesce(p.bodsStatementIds, []) + r.statementId END,
    p.provenance = CASE WHEN r.prov IN coalesce(p.provenance, []) THEN p.provenance
                        ELSE coalesce(p.provenance, []) + r.prov END
