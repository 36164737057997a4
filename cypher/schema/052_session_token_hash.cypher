// Every request finds its session by the SHA-256 of the cookie's token: unique, and indexed by
// the constraint so that lookup is one index seek.
CREATE CONSTRAINT session_token_hash IF NOT EXISTS FOR (s:Session) REQUIRE s.tokenHash IS UNIQUE
