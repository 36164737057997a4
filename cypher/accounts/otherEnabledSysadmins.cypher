// How many enabled sysadmins there are besides the given user: whether that user may be disabled
// or given another role. Run after lockSysadmins in the same transaction.
// Parameters:
//   $nameKey string — the user about to be changed
// Grounds: issue 11, separation of duties: someone must be left who can manage accounts.
RETURN COUNT { MATCH (a:User) WHERE a.role = 'sysadmin' AND NOT a.disabled AND a.nameKey <> $nameKey } AS otherEnabledSysadmins
