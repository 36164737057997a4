// Opens a session for a user whose password was just verified, unless the account was locked
// (by concurrent failures) or disabled meanwhile: both are read again under the user's write
// lock. A sign-in ends the failure count and any expired lock. The user's dead sessions (revoked
// or expired) are deleted here, as no request can use them again: the audit trail, not these
// nodes, records who was signed in when. Only the SHA-256 of the session's token is stored.
// No row when the session was refused.
// Parameters:
//   $nameKey string — the user
//   $id string — the session's id (random, for listing and revoking; not the token)
//   $tokenHash string — hex SHA-256 of the token the client holds
//   $now integer — epoch milliseconds
//   $idleSince integer — epoch milliseconds: a session not seen since then has expired
//   $absoluteExpiry integer — epoch milliseconds the session ends at, however active
// Grounds: issue 11, sessions with idle and absolute timeouts, revocable.
MATCH (u:User {nameKey: $nameKey})
SET u.nameKey = u.nameKey
WITH u
WHERE NOT u.disabled AND (u.lockedUntil IS NULL OR u.lockedUntil <= $now)
SET u.failedSignIns = 0, u.lockedUntil = null, u.lastSignInAt = $now
WITH u
CALL (u) {
  MATCH (dead:Session {user: u.nameKey})
  WHERE dead.revokedAt IS NOT NULL OR dead.absoluteExpiry <= $now OR dead.lastSeenAt <= $idleSince
  DETACH DELETE dead
}
CREATE (s:Session {id: $id, tokenHash: $tokenHash, user: u.nameKey, createdAt: $now, lastSeenAt: $now, absoluteExpiry: $absoluteExpiry})
RETURN s {.id, .createdAt, .lastSeenAt, .absoluteExpiry, .reason, .revokedAt} AS session,
       u {.name, .displayName, .role, .jurisdiction, .disabled, .lockedUntil, .mustChangePassword, .createdAt, .lastSignInAt} AS user
