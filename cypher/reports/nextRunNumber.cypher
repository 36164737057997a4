// Takes a saved query's write lock for the rest of the transaction and gives the number of its
// next report run (1 for the first): the run is created in the same transaction, so two runs of
// one query started together are numbered one after the other, never twice the same. Also what
// the run records of the query as it stands now. No row when the query is gone.
// Parameters:
//   $id string — the saved query
// Grounds: issue 13, report runs are listed per query; Neo4j takes a node's write lock on the
// first write to it and holds it until commit (Operations Manual, "Locks and deadlocks").
MATCH (q:SavedQuery {id: $id})
SET q._lock = true
WITH q
OPTIONAL MATCH (r:ReportRun {queryId: q.id})
WITH q, max(r.number) AS last
REMOVE q._lock
RETURN coalesce(last, 0) + 1 AS number, q.ownerKey AS ownerKey
