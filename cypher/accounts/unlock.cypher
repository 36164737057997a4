// Lifts a lockout before its time and forgets the failed sign-ins counted so far.
// No row when the user does not exist.
// Parameters:
//   $nameKey string — the user
// Grounds: issue 11, lockout after repeated failures (a sysadmin may end it early).
MATCH (u:User {nameKey: $nameKey})
SET u.failedSignIns = 0, u.lockedUntil = null
RETURN u {.name, .displayName, .role, .jurisdiction, .disabled, .lockedUntil, .mustChangePassword, .createdAt, .lastSignInAt} AS user
