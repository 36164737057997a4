// The scheduler asks every minute which watches are due (cypher/reports/watchClaimDue.cypher):
// a range index on the due time answers that without reading every saved query.
CREATE INDEX saved_query_next_run IF NOT EXISTS FOR (q:SavedQuery) ON (q.nextRunAt)
