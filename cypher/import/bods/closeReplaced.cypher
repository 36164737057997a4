// Ends what a later BODS statement no longer asserts. A relationship record's latest statement
// (0.4), or a statement naming the statements it replaces (0.3), supersedes the earlier ones: a
// holding, control or filing of the same subject firm whose current statement is one of those
// earlier statements, and which the later statement did not assert again, ended when the later
// statement was made. It is ended (validTo), never deleted: the history stays in the graph.
// Parameters:
//   $rows list of maps — {subjectKey, recordId (0.4 record id, or null for 0.3), latestId (the
//     superseding statement's id), statementDate (its date, '' when none), replacedIds (0.3 ids
//     it replaces, else []), validTo (its date as a date, or null when it has none)}
// Grounds: DOMAIN.md §3 validFrom/validTo and "kept as history"; BODS 0.4 records and
//   recordStatus, BODS 0.3 replacesStatements.
UNWIND $rows AS r
MATCH (c:Company {key: r.subjectKey})
CALL (c, r) {
  MATCH (c)<-[e:HOLDS_SHARES|CONTROLS]-()
  WHERE e.validTo IS NULL AND e.bodsStatementId <> r.latestId
    AND ((r.recordId IS NOT NULL AND e.bodsRecordId = r.recordId AND e.bodsStatementDate <= r.statementDate)
         OR e.bodsStatementId IN r.replacedIds)
  SET e.validTo = r.validTo, e.bodsReplacedBy = r.latestId
  RETURN count(e) AS edges
}
CALL (c, r) {
  MATCH (c)-[:FILED_BO]->(b:BOFiling)
  WHERE b.validTo IS NULL AND b.statementId <> r.latestId
    AND ((r.recordId IS NOT NULL AND b.bodsRecordId = r.recordId AND b.bodsStatementDate <= r.statementDate)
         OR b.statementId IN r.replacedIds)
  SET b.validTo = r.validTo, b.bodsReplacedBy = r.latestId
  RETURN count(b) AS filings
}
RETURN sum(edges) AS edges, sum(filings) AS filings
