// Takes the write lock of the list-type vocabulary before it is read and changed in the same
// transaction, so two imports extending it at once change it one after the other, the second
// from the first's result. A vocabulary not there yet is created at version 0, which the caller
// turns into the seed in the same transaction (or rolls back).
// Parameters: none.
// Grounds: issue 10 §1 (versioned vocabulary: the version goes up by one with every change).
MERGE (v:Vocabulary {name: 'listTypes'})
SET v.version = coalesce(v.version, 0)
RETURN v.version AS version
