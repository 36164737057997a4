// The former keys of the given persons: keys merged into them (importers/passes/persons.ts) that a
// case item saved before the merge may still hold.
// Parameters:
//   $keys list of string — person keys as they answer now
// Grounds: issue 12, cases: aliases resolved when saved and when read; KeyAlias (model/graph.ts).
UNWIND $keys AS key
MATCH (a:KeyAlias)-[:ALIAS_OF]->(:Person {key: key})
RETURN DISTINCT a.key AS alias
