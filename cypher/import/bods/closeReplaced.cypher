// Ends what a BODS 0.3 statement replaces (replacesStatements) and does not assert again: a
// holding, control or filing of the subject firm whose current statement is one of the replaced
// statements is ended on the replacing statement's date. Ended (validTo), never deleted. Run after
// the file's relationships are written, so what the replacing statement asserted again is current.
// "Not ended yet" is tested inside the SET (which reads the values as they were before it): a test
// before it would read validTo in an operator of its own, which needs an Eager.
// Parameters:
//   $rows list of maps — {subjectKey, statementId (the replacing statement), replacedIds (the ids
//     it replaces), endedOn (its statement date as a date, or null when it has none; not
//     "validTo", which a read of r.validTo after the first SET would need an Eager for)}
// Grounds: DOMAIN.md §3 validFrom/validTo and "kept as history"; BODS 0.3 replacesStatements.
UNWIND $rows AS r
MATCH (c:Company {key: r.subjectKey})
CALL (c, r) {
  OPTIONAL MATCH (c)<-[e:HOLDS_SHARES|CONTROLS]-()
  WHERE e.bodsStatementId IN r.replacedIds
  WITH c, collect(e) AS edges
  OPTIONAL MATCH (c)-[:FILED_BO]->(b:BOFiling)
  WHERE b.statementId IN r.replacedIds
  WITH edges, collect(b) AS filings
  FOREACH (e IN edges |
    SET e.bodsReplacedBy = CASE WHEN e.validTo IS NULL THEN r.statementId ELSE e.bodsReplacedBy END,
        e.validTo = CASE WHEN e.validTo IS NULL THEN r.endedOn ELSE e.validTo END)
  FOREACH (b IN filings |
    SET b.bodsReplacedBy = CASE WHEN b.validTo IS NULL THEN r.statementId ELSE b.bodsReplacedBy END,
        b.validTo = CASE WHEN b.validTo IS NULL THEN r.endedOn ELSE b.validTo END)
}
