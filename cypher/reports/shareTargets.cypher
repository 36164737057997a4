// The accounts a saved query may be shared with, of the names given: enabled, of a role that may
// be shared a query, and not the owner. Names that do not come back are refused by the caller.
// Parameters:
//   $users list of string — name keys; $roles list of string — roles that may be shared a query
//   $owner string — the owner's name key
// Grounds: issue 13, saved queries are shared with named users; viewers see shared reports only,
// sysadmins and auditors no case data.
UNWIND $users AS key
MATCH (t:User {nameKey: key})
WHERE t.role IN $roles AND NOT coalesce(t.disabled, false) AND t.nameKey <> $owner
RETURN t.nameKey AS nameKey
