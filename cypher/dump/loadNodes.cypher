// Creates a dump's nodes (tests/support/storeDump.ts) with their labels and properties as dumped,
// and returns each one's element id under its number in the dump, for dump/loadRelationships.
// Labels come from the dump file, a committed fixture, not from user input.
// Parameters:
//   $nodes list of maps — {id: the node's number in the dump, labels: list of string, props: map}
// Grounds: the committed store of tests/fixtures/migrations/.
UNWIND $nodes AS n
CREATE (x:$(n.labels))
SET x = n.props
RETURN n.id AS id, elementId(x) AS elementId
