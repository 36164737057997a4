// Creates a user account unless one of the same name, compared case-insensitively, exists.
// Two concurrent creations MERGE on the unique name key and one wins; `created` tells the caller
// whether it was this call (the password hash carries a random salt, so only this call's matches).
// Times are epoch milliseconds (accounts/accounts.ts converts them).
// Parameters:
//   $nameKey string — the name, NFKC-normalised and lower-cased (the unique key)
//   $name string — the name as written (NFKC-normalised)
//   $displayName string — the name screens show (e.g. a person's name in Chinese)
//   $role string — one of accounts/roles.ts
//   $jurisdiction string — 6-digit GB/T 2260 code
//   $passwordHash string — argon2id PHC string
//   $mustChangePassword boolean — the password was set by someone else (generated, given by an administrator)
//   $now integer — epoch milliseconds
// Grounds: issue 11, accounts and roles; passwords are stored only as argon2id hashes.
MERGE (u:User {nameKey: $nameKey})
  ON CREATE SET
    u.name = $name,
    u.displayName = $displayName,
    u.role = $role,
    u.jurisdiction = $jurisdiction,
    u.disabled = false,
    u.passwordHash = $passwordHash,
    u.previousPasswordHashes = [],
    u.passwordChangedAt = $now,
    u.mustChangePassword = $mustChangePassword,
    u.failedSignIns = 0,
    u.createdAt = $now
RETURN u.passwordHash = $passwordHash AS created,
       u {.name, .displayName, .role, .jurisdiction, .disabled, .lockedUntil, .mustChangePassword, .createdAt, .lastSignInAt} AS user
