// Links firms to their 网址 (Website), shared nodes keyed by the normalised value (model/contacts.ts):
// shell firms share contact points.
// Parameters:
//   $rows list of maps — {firmKey, key, text, prov}
// Grounds: DOMAIN.md §3 HAS_WEBSITE; §5.7 shell clusters.
UNWIND $rows AS r
MATCH (c:Company {key: r.firmKey})
MERGE (x:Website {key: r.key})
ON CREATE SET x.text = r.text
SET x.provenance = CASE WHEN r.prov IN coalesce(x.provenance, []) THEN x.provenance
                        ELSE coalesce(x.provenance, []) + r.prov END
MERGE (c)-[s:HAS_WEBSITE]->(x)
SET s.provenance = CASE WHEN r.prov IN coalesce(s.provenance, []) THEN s.provenance
                        ELSE coalesce(s.provenance, []) + r.prov END
