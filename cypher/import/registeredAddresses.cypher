// Links firms to their 住所 (registered address). Addresses are shared nodes keyed by the normalised text, so many
// firms at one registration agent's address meet at one node; each address is placed in its
// division (Region) when the text names one.
// Parameters:
//   $rows list of maps — {firmKey, address: {key, text, regionCode}, region: {code, name} or null, prov}
//     (the region apart from the address: reading r.address.regionCode after a.regionCode is
//     written would need an Eager)
// Grounds: DOMAIN.md §3 REGISTERED_AT Company → Address, Address → Region; §5.7 shell clusters.
UNWIND $rows AS r
MATCH (c:Company {key: r.firmKey})
MERGE (a:Address {key: r.address.key})
ON CREATE SET a.text = r.address.text, a.regionCode = r.address.regionCode
SET a.provenance = CASE WHEN r.prov IN coalesce(a.provenance, []) THEN a.provenance
                        ELSE coalesce(a.provenance, []) + r.prov END
MERGE (c)-[s:REGISTERED_AT]->(a)
SET s.provenance = CASE WHEN r.prov IN coalesce(s.provenance, []) THEN s.provenance
                        ELSE coalesce(s.provenance, []) + r.prov END
WITH a, r WHERE r.region IS NOT NULL
MERGE (g:Region {code: r.region.code})
ON CREATE SET g.name = r.region.name
MERGE (a)-[:IN_REGION]->(g)
