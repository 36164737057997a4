// Undoes one person merge (merge.cypher) from its record: the person merged away is made again
// (or, if the same key was imported again meanwhile, gains what it had) with its properties and
// relationships as they were; the survivor loses the provenance entries and properties it gained,
// and a relationship created on it for the merge is deleted when no other entry asserts it;
// filings name the person again; the record is deleted, and the alias too once no merge of the
// key is left. Other ends are found by label and key: the merge's transaction is long gone.
// Parameters:
//   $key string — the PersonMerge; $fromKey string, $intoKey string
//   $fromProps list of map — {k, v}: the merged-away person's properties (typed); $fromProvenance list of string
//   $nodeProvAdded list of string, $nodeFilled list of map {k, v} — what the survivor gained
//   $rels list of map — {type, out, pOut, otherLabel, otherKey, disc (map), props (map), onto
//          ('created' | 'existing' | 'dropped'), provAdded (list), filled (list of {k, v})}
//   $filings list of string — BOFiling keys whose ownerKey moved
// Grounds: issue 10 §3 (undone by retracting either run involved).
MATCH (m:PersonMerge {key: $key})
OPTIONAL MATCH (p:Person {key: $intoKey})
MERGE (s:Person {key: $fromKey})
WITH m, p, s
CALL (s) {
  UNWIND $fromProps AS e
  WITH s, e WHERE e.k <> 'provenance' AND s[e.k] IS NULL
  SET s[e.k] = e.v
}
SET s.provenance = coalesce(s.provenance, []) + [x IN $fromProvenance WHERE NOT x IN coalesce(s.provenance, [])]
WITH m, p, s
CALL (p) {
  WITH p WHERE p IS NOT NULL
  SET p.provenance = [x IN p.provenance WHERE NOT x IN $nodeProvAdded]
}
CALL (p) {
  WITH p WHERE p IS NOT NULL
  UNWIND $nodeFilled AS e
  WITH p, e WHERE p[e.k] = e.v
  SET p[e.k] = null
}
CALL (s, p) {
  UNWIND $rels AS r
  CALL (r) {
    MATCH (o:Company {key: r.otherKey}) WHERE r.otherLabel = 'Company' RETURN o
    UNION
    MATCH (o:Person {key: r.otherKey}) WHERE r.otherLabel = 'Person' RETURN o
    UNION
    MATCH (o:ListEntry {key: r.otherKey}) WHERE r.otherLabel = 'ListEntry' RETURN o
    UNION
    MATCH (o:Phone {key: r.otherKey}) WHERE r.otherLabel = 'Phone' RETURN o
    UNION
    MATCH (o:Email {key: r.otherKey}) WHERE r.otherLabel = 'Email' RETURN o
  }
  // The survivor's side: take back what the merge added.
  CALL (p, o, r) {
    WITH p, o, r WHERE p IS NOT NULL AND r.onto IN ['created', 'existing'] AND o <> p
    MATCH (p)-[q]-(o)
    WHERE type(q) = r.type
      AND (r.type = 'POSSIBLY_SAME_AS' OR (startNode(q) = p) = r.pOut)
      AND all(k IN keys(r.disc) WHERE q[k] = r.disc[k])
    WITH q, r LIMIT 1
    SET q.provenance = CASE WHEN q.provenance IS NULL THEN null ELSE [x IN q.provenance WHERE NOT x IN r.provAdded] END
    WITH q, r
    CALL (q, r) {
      UNWIND r.filled AS e
      WITH q, e WHERE q[e.k] = e.v
      SET q[e.k] = null
    }
    WITH q, r WHERE r.onto = 'created' AND coalesce(size(q.provenance), 0) = 0
    DELETE q
  }
  // The restored person's side: the relationship as it was, or its entries united with the one a
  // later import of the same key made.
  CALL (s, o, r) {
    OPTIONAL MATCH (s)-[q]-(o)
    WHERE type(q) = r.type
      AND (r.type = 'POSSIBLY_SAME_AS' OR (startNode(q) = s) = r.out)
      AND all(k IN keys(r.disc) WHERE q[k] = r.disc[k])
    WITH s, o, r, head(collect(q)) AS q
    CALL (q, r) {
      WITH q, r WHERE q IS NOT NULL AND q.provenance IS NOT NULL
      SET q.provenance = q.provenance + [x IN coalesce(r.props.provenance, []) WHERE NOT x IN q.provenance]
    }
    CALL (s, o, r, q) {
      WITH s, o, r, q WHERE q IS NULL AND r.out
      CREATE (s)-[n:$(r.type)]->(o)
      SET n = r.props
    }
    CALL (s, o, r, q) {
      WITH s, o, r, q WHERE q IS NULL AND NOT r.out
      CREATE (o)-[n:$(r.type)]->(s)
      SET n = r.props
    }
  }
}
CALL () {
  UNWIND $filings AS f
  MATCH (b:BOFiling {key: f}) WHERE b.ownerKey = $intoKey
  SET b.ownerKey = $fromKey
}
DETACH DELETE m
WITH s
CALL () {
  MATCH (a:KeyAlias {key: $fromKey})
  WHERE NOT EXISTS { MATCH (:PersonMerge {fromKey: $fromKey}) }
  DETACH DELETE a
}
RETURN s.key AS restored
