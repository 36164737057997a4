// One Session per id: a session is listed and revoked by its id, never by its token.
CREATE CONSTRAINT session_id IF NOT EXISTS FOR (s:Session) REQUIRE s.id IS UNIQUE
