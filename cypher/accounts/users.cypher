// Every user account, by name, as the rest of the tool may see it (no password hash).
// Parameters: none.
// Grounds: issue 11, accounts and roles (the sysadmin lists and manages accounts).
MATCH (u:User)
RETURN u {.name, .displayName, .role, .jurisdiction, .disabled, .lockedUntil, .mustChangePassword, .createdAt, .lastSignInAt} AS user
ORDER BY u.nameKey
