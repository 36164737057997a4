// A user's sessions (list, sign out everywhere, revoke on a role change) found by the user's name key.
CREATE INDEX session_user IF NOT EXISTS FOR (s:Session) ON (s.user)
