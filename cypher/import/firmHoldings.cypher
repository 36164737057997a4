// Firm shareholders (企业法人股东 …) and their direct holdings in a firm. A holder given without a
// valid code is matched to a registered firm by its normalised name when exactly one verified firm
// bears it; otherwise it keeps its unverified name-plus-source key.
// Parameters:
//   $rows list of maps — {firmKey, holder: {key, matchByName, props}, holding (non-null properties), prov}
// Grounds: DOMAIN.md §2 (match on the code, on names only after normalising), §3 HOLDS_SHARES.
UNWIND $rows AS r
MATCH (c:Company {key: r.firmKey})
CALL (r) {
  OPTIONAL MATCH (named:Company {normalizedName: r.holder.props.normalizedName})
  WHERE r.holder.matchByName AND named.keyUnverified = false
  WITH r, collect(named.key) AS keys
  RETURN CASE WHEN size(keys) = 1 THEN keys[0] ELSE r.holder.key END AS holderKey
}
MERGE (h:Company {key: holderKey})
ON CREATE SET h += r.holder.props
SET h.provenance = CASE WHEN r.prov IN coalesce(h.provenance, []) THEN h.provenance
                        ELSE coalesce(h.provenance, []) + r.prov END
MERGE (h)-[s:HOLDS_SHARES]->(c)
SET s += r.holding,
    s.provenance = CASE WHEN r.prov IN coalesce(s.provenance, []) THEN s.provenance
                        ELSE coalesce(s.provenance, []) + r.prov END
