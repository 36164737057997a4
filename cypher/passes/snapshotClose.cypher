// Closes what a snapshot does not repeat. A shareholder or officer table declared a snapshot lists
// every holder (or every role) of each firm it names as of a day; for each such firm, the holdings
// (or roles) its rows of that day do not repeat, and that are still open on that day, end on it.
// A firm named on rows of several days is a snapshot of the latest of them. The legal
// representative is closed only where the firm's rows of that day name one (an officers table
// often leaves the legal representative to the registration). A relationship that began on or
// after the day (validFrom) is not the snapshot's to close.
// Each closure records the run (closedBy, closedAt) and any end date it replaced (validToBefore),
// so that retracting the run reopens it as it was (importRun/reopenSnapshotClosures).
// Committed per 1000 firms.
// Several snapshot tables of one kind in one run (two shareholder files of the same day) are read
// together: what any of them lists on a firm's day is repeated.
// Parameters:
//   $parts  list of map {prefix, ranges} — the run's snapshot tables of one kind:
//     prefix: start of the provenance entries of the table's rows, 'runId/fileNo:' or
//       'runId/fileNo:sheet!', followed by the row number
//     ranges: list of map {from, to, date} — rows from..to (inclusive) are a snapshot of date
//       ('YYYY-MM-DD'); rows in no range are not
//   $types  list of string — HOLDS_SHARES for shareholder tables; OFFICER_OF and
//     LEGAL_REPRESENTATIVE_OF for officer tables (fixed by the importer, never user text)
//   $runId  string — the run that closes
// Returns one row per closure: the firm, the relationship type, the holder or officer, the role
//   or ratio, the day, and the provenance entry of the row that last asserted it.
// Grounds: DOMAIN.md §3 validFrom/validTo on relationships (validTo exclusive, as the analyses'
//   asOf reads it); a shareholder list of a day names all holders of that day (股东名册).
MATCH (c:Company)
WHERE EXISTS {
  MATCH (c)<-[r:HOLDS_SHARES|OFFICER_OF|LEGAL_REPRESENTATIVE_OF]-()
  WHERE type(r) IN $types AND any(e IN r.provenance WHERE any(p IN $parts WHERE e STARTS WITH p.prefix))
}
CALL (c) {
  MATCH (c)<-[r:HOLDS_SHARES|OFFICER_OF|LEGAL_REPRESENTATIVE_OF]-()
  WHERE type(r) IN $types AND any(e IN r.provenance WHERE any(p IN $parts WHERE e STARTS WITH p.prefix))
  // The day of each of the tables' rows that asserted it.
  WITH c, r, [e IN r.provenance |
                head([p IN $parts WHERE e STARTS WITH p.prefix |
                      head([g IN p.ranges WHERE g.from <= toInteger(substring(e, size(p.prefix))) <= g.to | g.date])])] AS days
  WITH c, r, [d IN days WHERE d IS NOT NULL] AS days
  WHERE size(days) > 0
  WITH c, collect({r: r, days: days}) AS listed
  WITH c, listed, reduce(latest = '', x IN listed | reduce(m = latest, d IN x.days | CASE WHEN d > m THEN d ELSE m END)) AS latest
  WITH c, date(latest) AS day, [x IN listed WHERE latest IN x.days | x.r] AS kept
  WITH c, day, kept, any(k IN kept WHERE type(k) = 'LEGAL_REPRESENTATIVE_OF') AS namesLegalRepresentative
  MATCH (c)<-[old:HOLDS_SHARES|OFFICER_OF|LEGAL_REPRESENTATIVE_OF]-(holder)
  WHERE type(old) IN $types AND NOT old IN kept
    AND (type(old) <> 'LEGAL_REPRESENTATIVE_OF' OR namesLegalRepresentative)
    AND (old.validTo IS NULL OR old.validTo > day)
    AND (old.validFrom IS NULL OR old.validFrom < day)
  SET old.validToBefore = old.validTo, old.closedBy = $runId, old.closedAt = datetime(), old.validTo = day
  RETURN c.key AS firmKey, c.name AS firmName, type(old) AS type, holder.name AS holderName, old.role AS role,
         old.ratio AS ratio, toString(day) AS date, last(old.provenance) AS prov
} IN TRANSACTIONS OF 1000 ROWS
RETURN firmKey, firmName, type, holderName, role, ratio, date, prov
ORDER BY firmKey, type, holderName, role
