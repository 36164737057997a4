// Replaces a user's password hash, keeping the previous ones the policy says a new password may
// not repeat. A new password also ends a lockout and forgets failed sign-ins: whoever set it
// either knew the old one or is the sysadmin resetting it. No row when the user does not exist.
// Parameters:
//   $nameKey string — the user
//   $passwordHash string — argon2id PHC string of the new password
//   $previousPasswordHashes list of strings — the hashes it replaces, newest first, as many as the policy keeps
//   $mustChangePassword boolean — true when someone other than the user set it (a reset)
//   $now integer — epoch milliseconds
// Grounds: issue 11, password policy (not reused).
MATCH (u:User {nameKey: $nameKey})
SET u.passwordHash = $passwordHash,
    u.previousPasswordHashes = $previousPasswordHashes,
    u.passwordChangedAt = $now,
    u.mustChangePassword = $mustChangePassword,
    u.failedSignIns = 0,
    u.lockedUntil = null
RETURN u {.name, .displayName, .role, .jurisdiction, .disabled, .lockedUntil, .mustChangePassword, .createdAt, .lastSignInAt} AS user
