// Ends what a BODS 0.3 statement replaces (replacesStatements) and does not assert again: a
// holding, control or filing of the subject firm whose current statement is one of the replaced
// statements is ended on the replacing statement's date. Ended (validTo), never deleted. Run after
// the file's relationships are written, so what the replacing statement asserted again is current.
// Parameters:
//   $rows list of maps — {subjectKey, statementId (the replacing statement), replacedIds (the ids
//     it replaces), validTo (its statement date as a date, or null when it has none)}
// Grounds: DOMAIN.md §3 validFrom/validTo and "kept as history"; BODS 0.3 replacesStatements.
UNWIND $rows AS r
MATCH (c:Company {key: r.subjectKey})
CALL (c, r) {
  OPTIONAL MATCH (c)<-[e:HOLDS_SHARES|CONTROLS]-()
  WHERE e.validTo IS NULL AND e.bodsStatementId IN r.replacedIds
  WITH c, collect(e) AS edges
  OPTIONAL MATCH (c)-[:FILED_BO]->(b:BOFiling)
  WHERE b.validTo IS NULL AND b.statementId IN r.replacedIds
  WITH edges, collect(b) AS filings
  FOREACH (e IN edges | SET e.validTo = r.validTo, e.bodsReplacedBy = r.statementId)
  FOREACH (b IN filings | SET b.validTo = r.validTo, b.bodsReplacedBy = r.statementId)
  RETURN size(edges) + size(filings) AS ended
}
RETURN sum(ended) AS ended
