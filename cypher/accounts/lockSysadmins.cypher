// Before a change that could take away a sysadmin (a role change, disabling): write-locks every
// sysadmin node until the transaction commits (a SET takes the node's lock even when the value
// does not change), so that two concurrent demotions cannot each count the other and leave the
// office with none. The count is a separate query (otherEnabledSysadmins), run after this one in
// the same transaction: it must read the roles as they are once the locks are held, not as this
// query matched them before waiting for a lock.
// Parameters: none.
// Grounds: issue 11, separation of duties: someone must be left who can manage accounts.
MATCH (a:User)
WHERE a.role = 'sysadmin'
SET a.nameKey = a.nameKey
RETURN count(a) AS locked
