// The run of a saved query just before a given number, with its stored document: what a watch's
// new run is compared with. No access check: the scheduler asks on the owner's behalf.
// Parameters:
//   $queryId string; $beforeNumber integer
// Grounds: issue 13, watches: "each run is compared with the previous one".
MATCH (r:ReportRun {queryId: $queryId})
WHERE r.number < $beforeNumber
RETURN r {.id, .queryId, .number, .ranAt, .ranBy, .trigger, .findingCount, .exhaustive, .contentHash} AS run, r.content AS content
ORDER BY r.number DESC
LIMIT 1
