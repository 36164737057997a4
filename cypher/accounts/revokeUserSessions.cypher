// Revokes every session of a user that is not revoked yet, except the one named by
// $keepTokenHash (the session that changed its own password stays signed in). Counts those that
// were still live (not expired): the sessions the revocation actually ended. Expired ones are
// revoked too, so that a longer timeout set later cannot bring them back.
// Parameters:
//   $user string — the user's name key
//   $keepTokenHash string or null — hex SHA-256 of the token of a session to keep
//   $now integer — epoch milliseconds
//   $idleSince integer — epoch milliseconds: a session not seen since then has expired
// Grounds: issue 11, sign out everywhere; a disabled user or a changed role ends the sessions.
MATCH (s:Session {user: $user})
WHERE s.revokedAt IS NULL AND ($keepTokenHash IS NULL OR s.tokenHash <> $keepTokenHash)
SET s.revokedAt = $now
RETURN count(CASE WHEN s.absoluteExpiry > $now AND s.lastSeenAt > $idleSince THEN 1 END) AS revoked
