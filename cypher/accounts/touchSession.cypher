// Records that a session was used now, which moves its idle expiry; never moves it back.
// Parameters:
//   $id string — the session's id
//   $now integer — epoch milliseconds
// Grounds: issue 11, idle timeout.
MATCH (s:Session {id: $id})
WHERE s.lastSeenAt < $now
SET s.lastSeenAt = $now
RETURN s.lastSeenAt AS lastSeenAt
