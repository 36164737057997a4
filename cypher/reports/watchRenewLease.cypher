// Extends an instance's lease on a watch it is still running, so a long run is not taken for an
// abandoned one. No row when the lease is no longer this instance's.
// Parameters:
//   $id string — the saved query; $instance string — the instance holding the lease
//   $leaseUntil datetime — the lease's new end
// Grounds: issue 13, watches: the lease lapses only when its instance stops renewing it.
MATCH (q:SavedQuery {id: $id})
WHERE q.leaseOwner = $instance
SET q.leaseUntil = $leaseUntil
RETURN q.id AS id
