// Counts a failed sign-in (a wrong password) and locks the account once the count reaches the
// policy's number, starting the count again. While locked, failures are not counted: the lock is
// not extended by whoever keeps trying. The user node is write-locked first (a SET takes the lock
// even when the value does not change) so that concurrent failures each count.
// Returns the time the account is locked until, null when it is not locked.
// Parameters:
//   $nameKey string — the user
//   $now integer — epoch milliseconds
//   $lockoutAttempts integer — failures that lock the account
//   $lockedUntil integer — epoch milliseconds the lock would last until, if this failure locks
// Grounds: issue 11, lockout after repeated failures (等保 level 3: login failure handling).
MATCH (u:User {nameKey: $nameKey})
SET u.nameKey = u.nameKey
WITH u, u.lockedUntil IS NOT NULL AND u.lockedUntil > $now AS locked, coalesce(u.failedSignIns, 0) + 1 AS failures
WITH u, locked, failures, NOT locked AND failures >= $lockoutAttempts AS locks
SET u.failedSignIns = CASE WHEN locked THEN u.failedSignIns WHEN locks THEN 0 ELSE failures END,
    u.lockedUntil = CASE WHEN locks THEN $lockedUntil ELSE u.lockedUntil END
RETURN CASE WHEN locked OR locks THEN u.lockedUntil END AS lockedUntil
