// Claims the next due watch for one server instance, so that two instances never run the same
// watch: the earliest saved query whose next run is due (nextRunAt <= $now) and that no instance
// holds a live lease on. Its write lock is taken first, and only then are its due time and lease
// read again (by matching it afresh, so no value read before the lock is reused): of two instances
// that picked the same watch, the second reads the first one's lease, or the next run the first
// one already set, and claims nothing. A row with claimed = false tells the caller the watch went
// to another instance, so it can look past it ($skip) for another one.
// Parameters:
//   $now datetime — the claiming instance's time
//   $leaseUntil datetime — when the claim lapses if the instance dies during the run
//   $instance string — the claiming instance's id
//   $skip list of string — saved-query ids this pass has already run or seen taken
// Grounds: issue 13, watches: "two server instances never run the same watch twice (a lease in
// Neo4j)"; Neo4j takes a node's write lock on the first write to it and holds it until commit,
// and reads what others committed meanwhile (read committed; Operations Manual, "Concurrent data
// access").
MATCH (due:SavedQuery)
WHERE due.nextRunAt <= $now AND NOT due.id IN $skip
  AND (due.leaseUntil IS NULL OR due.leaseUntil <= $now)
WITH due
ORDER BY due.nextRunAt, due.id
LIMIT 1
SET due._lock = true
WITH due.id AS id
MATCH (q:SavedQuery {id: id})
WITH q, q.nextRunAt <= $now AND (q.leaseUntil IS NULL OR q.leaseUntil <= $now) AS free
REMOVE q._lock
FOREACH (_ IN CASE WHEN free THEN [1] ELSE [] END | SET q.leaseOwner = $instance, q.leaseUntil = $leaseUntil)
WITH q, free
OPTIONAL MATCH (q)-[:SAVED_QUERY_OWNED_BY]->(o:User)
RETURN q.id AS id, free AS claimed, q.nextRunAt AS nextRunAt,
       q.scheduleKind AS kind, q.scheduleCron AS cron, q.scheduleTimezone AS timezone,
       o.name AS ownerName, o.role AS ownerRole, o.jurisdiction AS ownerJurisdiction, coalesce(o.disabled, false) AS ownerDisabled
