// Merges one person into another, as planned from importers/passes/persons.ts (mergePlan): the
// survivor gains the provenance entries and the properties it lacked; each relationship of the
// person merged away is united with the survivor's relationship that is the same fact (provenance
// united, missing properties filled) or created on the survivor; filings naming the person as
// beneficial owner name the survivor; the person merged away is deleted, its key kept as an alias
// of the survivor, and the merge recorded so that it can be undone exactly (split.cypher).
// Relationships and other ends are addressed by element id: this runs in the transaction that
// read them.
// Parameters:
//   $fromKey string, $intoKey string — the person merged away, the survivor
//   $nodeFill list of map — {k, v}: properties the survivor lacked
//   $nodeProvAdded list of string — provenance entries the survivor gains
//   $updates list of map — {id, fill: list of {k, v}, provAdded: list of string}: survivor's relationships united with one of the merged person's
//   $creates list of map — {otherId, type, out, props}: relationships created on the survivor (out: survivor is the start)
//   $filings list of string — keys of BOFiling nodes whose ownerKey moves to the survivor
//   $record map — the PersonMerge node's properties (mergedAt is set here)
// Grounds: issue 10 §3 (one node per person per firm; merged-away keys stay valid; undone by retract).
MATCH (s:Person {key: $fromKey}), (p:Person {key: $intoKey})
CALL (p) {
  UNWIND $nodeFill AS e
  SET p[e.k] = e.v
}
SET p.provenance = coalesce(p.provenance, []) + $nodeProvAdded
WITH s, p
CALL () {
  UNWIND $updates AS u
  MATCH ()-[q]->() WHERE elementId(q) = u.id
  CALL (q, u) {
    UNWIND u.fill AS e
    SET q[e.k] = e.v
  }
  SET q.provenance = CASE WHEN size(u.provAdded) = 0 THEN q.provenance ELSE coalesce(q.provenance, []) + u.provAdded END
}
CALL (p) {
  UNWIND $creates AS c
  MATCH (o) WHERE elementId(o) = c.otherId
  CALL (p, o, c) {
    WITH p, o, c WHERE c.out
    CREATE (p)-[q:$(c.type)]->(o)
    SET q = c.props
  }
  CALL (p, o, c) {
    WITH p, o, c WHERE NOT c.out
    CREATE (o)-[q:$(c.type)]->(p)
    SET q = c.props
  }
}
CALL () {
  UNWIND $filings AS f
  MATCH (b:BOFiling {key: f}) WHERE b.ownerKey = $fromKey
  SET b.ownerKey = $intoKey
}
DETACH DELETE s
WITH p
MERGE (a:KeyAlias {key: $fromKey})
MERGE (a)-[:ALIAS_OF]->(p)
MERGE (m:PersonMerge {key: $record.key})
SET m = $record, m.mergedAt = datetime()
RETURN m.key AS merge
