// Changes a user's role, jurisdiction, display name or disabled state; a null parameter leaves
// that property as it is. No row when the user does not exist.
// Parameters:
//   $nameKey string — the user
//   $role string or null, $jurisdiction string or null, $displayName string or null, $disabled boolean or null
// Grounds: issue 11, accounts and roles.
MATCH (u:User {nameKey: $nameKey})
SET u.role = coalesce($role, u.role),
    u.jurisdiction = coalesce($jurisdiction, u.jurisdiction),
    u.displayName = coalesce($displayName, u.displayName),
    u.disabled = coalesce($disabled, u.disabled)
RETURN u {.name, .displayName, .role, .jurisdiction, .disabled, .lockedUntil, .mustChangePassword, .createdAt, .lastSignInAt} AS user
