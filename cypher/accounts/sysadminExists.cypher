// Whether any sysadmin account exists: the first start creates one when none does, and never again.
// Parameters: none.
// Grounds: issue 11, no default password that works on every install.
RETURN EXISTS { MATCH (u:User) WHERE u.role = 'sysadmin' } AS exists
