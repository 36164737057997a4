// Signs one session out: marks it revoked (it is deleted at its user's next sign-in).
// Parameters:
//   $tokenHash string — hex SHA-256 of the session's token
//   $now integer — epoch milliseconds
// Grounds: issue 11, sessions revocable.
MATCH (s:Session {tokenHash: $tokenHash})
WHERE s.revokedAt IS NULL
SET s.revokedAt = $now
RETURN count(s) AS revoked
