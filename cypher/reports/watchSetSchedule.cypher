// Schedules a saved query as a watch, or stops watching it (all null), if its owner saw its
// current version (optimistic concurrency, as updateSavedQuery): the node's write lock is taken
// before the version is compared. Setting a schedule sets the first due time; a lease an instance
// holds on a run under way stays (that run ends with watchFinish, which keeps the due time set
// here). No row when the query is not the user's own.
// Parameters:
//   $id string; $user string — the owner's name key
//   $expectedVersion integer — the version the owner loaded
//   $kind, $cron, $timezone string or null — the schedule (reports/schedule.ts), null: none
//   $nextRunAt datetime or null — the schedule's first slot after $now
//   $now datetime
// Grounds: issue 13, watches: "a saved query can be scheduled (daily, weekly, monthly, or a cron
// expression)"; only the owner schedules.
MATCH (q:SavedQuery {id: $id})-[:SAVED_QUERY_OWNED_BY]->(u:User {nameKey: $user})
SET q._lock = true
WITH u, q, q.version = $expectedVersion AS current
FOREACH (_ IN CASE WHEN current THEN [1] ELSE [] END |
  SET q.scheduleKind = $kind, q.scheduleCron = $cron, q.scheduleTimezone = $timezone, q.nextRunAt = $nextRunAt,
      q.version = q.version + 1, q.updatedAt = $now, q.updatedBy = u.name)
REMOVE q._lock
RETURN current AS saved, q.version AS version, q.updatedBy AS updatedBy, q.updatedAt AS updatedAt
