// Ends a watch's run: moves its next run to the next slot after the run and releases the lease.
// The next run is only moved if it is still the one the run was claimed for: an owner who
// rescheduled or unscheduled the watch meanwhile (watchSetSchedule) keeps what they set. Slots
// missed while no server ran are not made up one by one: $nextRunAt is after now.
// Parameters:
//   $id string — the saved query; $instance string — the instance holding the lease
//   $claimedNextRunAt datetime — the due time the run was claimed for
//   $nextRunAt datetime — the schedule's next slot after now
// Grounds: issue 13, watches: "a run missed while the server was down runs on start" (once).
MATCH (q:SavedQuery {id: $id})
WHERE q.leaseOwner = $instance
SET q.nextRunAt = CASE WHEN q.nextRunAt = $claimedNextRunAt THEN $nextRunAt ELSE q.nextRunAt END
REMOVE q.leaseOwner, q.leaseUntil
RETURN q.nextRunAt AS nextRunAt
