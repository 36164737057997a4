// A user's live sessions (not revoked, not expired), oldest first.
// Parameters:
//   $user string — the user's name key
//   $now integer — epoch milliseconds
//   $idleSince integer — epoch milliseconds: a session not seen since then has expired
// Grounds: issue 11, sessions revocable (a user sees where they are signed in).
MATCH (s:Session {user: $user})
WHERE s.revokedAt IS NULL AND s.absoluteExpiry > $now AND s.lastSeenAt > $idleSince
MATCH (u:User {nameKey: s.user})
RETURN s {.id, .createdAt, .lastSeenAt, .absoluteExpiry, .reason, .revokedAt} AS session,
       u {.name, .displayName, .role, .jurisdiction, .disabled, .lockedUntil, .mustChangePassword, .createdAt, .lastSignInAt} AS user
ORDER BY s.createdAt, s.id
