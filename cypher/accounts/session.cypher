// The session a request's token names, with its user; whether it is still valid (revoked,
// expired, user disabled) is decided by accounts/accounts.ts against the policy in force.
// No row when no session has this token, or its user is gone.
// Parameters:
//   $tokenHash string — hex SHA-256 of the token
// Grounds: issue 11, sessions with idle and absolute timeouts, revocable.
MATCH (s:Session {tokenHash: $tokenHash})
MATCH (u:User {nameKey: s.user})
RETURN s {.id, .createdAt, .lastSeenAt, .absoluteExpiry, .reason, .revokedAt} AS session,
       u {.name, .displayName, .role, .jurisdiction, .disabled, .lockedUntil, .mustChangePassword, .createdAt, .lastSignInAt} AS user
