// One user account as the accounts layer needs it: what the rest of the tool may see, plus the
// password hashes (current and previous) that never leave accounts/. No row when there is none.
// Parameters:
//   $nameKey string — the name, NFKC-normalised and lower-cased
// Grounds: issue 11, accounts and roles.
MATCH (u:User {nameKey: $nameKey})
RETURN u {.name, .displayName, .role, .jurisdiction, .disabled, .lockedUntil, .mustChangePassword, .createdAt, .lastSignInAt} AS user,
       u.passwordHash AS passwordHash,
       coalesce(u.previousPasswordHashes, []) AS previousPasswordHashes
