// A saved query (reports/savedQueries.ts) is found by its random id, and two never share one.
CREATE CONSTRAINT saved_query_id IF NOT EXISTS FOR (q:SavedQuery) REQUIRE q.id IS UNIQUE
