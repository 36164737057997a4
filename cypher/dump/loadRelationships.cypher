// Creates a dump's relationships between nodes dump/loadNodes created, found by element id.
// Types come from the dump file, a committed fixture, not from user input.
// Parameters:
//   $relationships list of maps — {from, to: element ids, type: string, props: map}
// Grounds: the committed store of tests/fixtures/migrations/.
UNWIND $relationships AS r
MATCH (a) WHERE elementId(a) = r.from
MATCH (b) WHERE elementId(b) = r.to
CREATE (a)-[x:$(r.type)]->(b)
SET x = r.props
