// Everything a merge of one person into another moves or changes, read in the merge's own
// transaction: both nodes' properties with their Neo4j types (so that the record of the merge can
// restore them exactly), each relationship of the person merged away with the entity at its other
// end and the survivor's relationship that is the same fact (same type, direction, other end and
// distinguishing properties: an officer's role, a control's basis), the filings naming the person
// as beneficial owner, and the provenance entries the merge rests on (the survivor's own links to
// the firm).
// Parameters:
//   $fromKey string — the person merged away; $intoKey string — the survivor
//   $firmKey string — the firm both are named in
//   $distinguishedBy map — relationship type → properties telling two of its kind apart (model/graph.ts)
// Grounds: issue 10 §3 (a merge is recorded with its provenance and undone by a retract).
MATCH (s:Person {key: $fromKey}), (p:Person {key: $intoKey})
RETURN [k IN keys(s) | {k: k, t: valueType(s[k]), v: s[k]}] AS fromProps,
       keys(p) AS intoKeys,
       p.provenance AS intoProvenance,
       p.idMasked AS intoIdMasked,
       p.idNumber IS NOT NULL AS intoIdentified,
       COLLECT {
         MATCH (s)-[r]-(o)
         CALL (s, p, r, o) {
           OPTIONAL MATCH (p)-[q]-(o)
           WHERE type(q) = type(r) AND o <> p
             AND (type(r) = 'POSSIBLY_SAME_AS' OR (startNode(q) = p) = (startNode(r) = s))
             AND all(k IN coalesce($distinguishedBy[type(r)], []) WHERE q[k] = r[k])
           RETURN q LIMIT 1
         }
         RETURN {
           id: elementId(r), type: type(r), out: startNode(r) = s,
           otherId: elementId(o), otherLabels: labels(o), otherKey: o.key,
           otherIdentified: o.idNumber IS NOT NULL,
           props: [k IN keys(r) | {k: k, t: valueType(r[k]), v: r[k]}],
           onto: CASE WHEN q IS NULL THEN null
                      ELSE {id: elementId(q), out: startNode(q) = p, keys: keys(q), provenance: q.provenance} END
         } AS rel
       } AS rels,
       COLLECT { MATCH (b:BOFiling {ownerKey: s.key}) RETURN b.key AS filing ORDER BY filing } AS filings,
       COLLECT {
         MATCH (p)-[e]->(:Company {key: $firmKey}) UNWIND coalesce(e.provenance, []) AS entry RETURN entry
         UNION
         MATCH (:Company {key: $firmKey})-[:FILED_BO]->(b:BOFiling {ownerKey: p.key}) UNWIND coalesce(b.provenance, []) AS entry RETURN entry
       } AS evidence
