// Gives list entries the key a new import of their rows would give them (migration 1). When an
// entry with that key exists already (the same case, imported once in the canonical spelling and
// once in another), the two are one entry: its FLAGGED links move onto the kept entry — one link
// per subject, the kept entry's values first, provenance joined — the kept entry takes the values
// it lacks and both entries' provenance, and the other entry is deleted.
// Parameters:
//   $rekeys list of maps — {from: the entry's key now, to: the key it gets}
// Grounds: DOMAIN.md §3 ListEntry/Case and FLAGGED; provenance (nothing asserted is lost).
UNWIND $rekeys AS r
CALL (r) {
  MATCH (old:ListEntry {key: r.from})
  OPTIONAL MATCH (kept:ListEntry {key: r.to})
  WITH old, kept, r
  CALL (old, kept, r) {
    WITH old, r WHERE kept IS NULL
    SET old.key = r.to
  }
  CALL (old, kept) {
    WITH old, kept WHERE kept IS NOT NULL
    CALL (old, kept) {
      MATCH (s)-[f:FLAGGED]->(old)
      MERGE (s)-[g:FLAGGED]->(kept)
      WITH f, g, properties(f) AS fp, properties(g) AS gp
      SET g = fp
      SET g += gp
      SET g.provenance = coalesce(gp.provenance, []) + [e IN coalesce(fp.provenance, []) WHERE NOT e IN coalesce(gp.provenance, [])]
      DELETE f
    }
    WITH old, kept, properties(kept) AS kp
    SET kept += old {.*, key: kp.key}
    SET kept += kp
    SET kept.provenance = coalesce(kp.provenance, []) + [e IN coalesce(old.provenance, []) WHERE NOT e IN coalesce(kp.provenance, [])]
    DETACH DELETE old
  }
} IN TRANSACTIONS OF 1000 ROWS
