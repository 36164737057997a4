// Stores the hash of the same password under stronger argon2 parameters, made at a successful
// sign-in when the stored hash used weaker ones; only if the password was not changed meanwhile.
// Parameters:
//   $nameKey string — the user
//   $oldHash string — the hash the password was verified against
//   $newHash string — the same password hashed with the current parameters
// Grounds: issue 11, argon2id at OWASP's parameters or stronger.
MATCH (u:User {nameKey: $nameKey})
WHERE u.passwordHash = $oldHash
SET u.passwordHash = $newHash
RETURN count(u) AS rehashed
