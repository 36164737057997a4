// Ends what the latest statement of a BODS 0.4 relationship record no longer asserts. Each
// holding, control or filing of the subject firm remembers the record and the date of the
// statement that last asserted it; one whose statement is older than the record's latest known
// statement (in this file or already in the graph, whichever is later) was dropped by that later
// statement and ended on its date. Ended (validTo), never deleted: the history stays in the graph.
// Works whichever of two publications is imported first. "Not ended yet" is tested inside the SET
// (which reads the values as they were before it): a test before it would read validTo in an
// operator of its own, which needs an Eager.
// Parameters:
//   $rows list of maps — {subjectKey, recordId, statementDate (the latest date of the record in
//     the file being imported, '' when none)}
// Grounds: DOMAIN.md §3 validFrom/validTo and "kept as history"; BODS 0.4 records (a later
//   statement of a record replaces the earlier ones).
UNWIND $rows AS r
MATCH (c:Company {key: r.subjectKey})
CALL (c, r) {
  OPTIONAL MATCH (c)<-[e:HOLDS_SHARES|CONTROLS]-()
  WHERE e.bodsRecordId = r.recordId
  WITH c, collect(e) AS edges
  OPTIONAL MATCH (c)-[:FILED_BO]->(b:BOFiling)
  WHERE b.bodsRecordId = r.recordId
  WITH edges, collect(b) AS filings
  WITH edges, filings,
       reduce(m = r.statementDate, d IN [e IN edges | e.bodsStatementDate] + [b IN filings | b.bodsStatementDate] |
              CASE WHEN d > m THEN d ELSE m END) AS latest
  WITH edges, filings, latest,
       ([e IN edges WHERE e.bodsStatementDate = latest | e.bodsStatementId] + [b IN filings WHERE b.bodsStatementDate = latest | b.statementId])[0] AS latestId,
       CASE WHEN latest = '' THEN null ELSE date(left(latest, 10)) END AS endedOn
  FOREACH (e IN [e IN edges WHERE e.bodsStatementDate < latest] |
    SET e.bodsReplacedBy = CASE WHEN e.validTo IS NULL THEN latestId ELSE e.bodsReplacedBy END,
        e.validTo = CASE WHEN e.validTo IS NULL THEN endedOn ELSE e.validTo END)
  FOREACH (b IN [b IN filings WHERE b.bodsStatementDate < latest] |
    SET b.bodsReplacedBy = CASE WHEN b.validTo IS NULL THEN latestId ELSE b.bodsReplacedBy END,
        b.validTo = CASE WHEN b.validTo IS NULL THEN endedOn ELSE b.validTo END)
}
