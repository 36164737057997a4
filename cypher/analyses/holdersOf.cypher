// One step up an ownership structure: for each firm of a frontier, its shareholders and its
// non-equity controllers (CONTROLS: agreement, nominee, voting entrustment …). The analyses walk
// up hop by hop so that their caps apply as they go (analyses/ownershipGraph.ts). With $reach > 0
// the same rows come for up to $reach firms above each frontier firm too (those from which it can
// be reached over holdings and control, nearest first, as the pruning breadth-first expansion
// finds them): the walk reads the next hops from them, so a deep pyramid costs one round trip
// instead of one per level. The reachability ignores $asOf — a superset, since ended
// relationships may add firms — and the rows apply it.
// Per firm it returns: how many such relationships it has in all (so a fan-out cap is reported,
// never silent); the sum of its other holders' ratios and its holding of its own shares, over
// all holders, as the denominators of integrated ownership need them; and at most $fanOut of the
// relationships — its own shares first, then non-equity control, then holdings of unknown ratio,
// then the largest holdings — each holder with the number of holders of its own (0: top level).
// Parameters:
//   $keys   list of string — firm keys of the frontier
//   $asOf   date or null — the day asked about: relationships with validFrom absent or on or
//           before it and validTo absent or after it; null: the current ones (validTo absent)
//   $fanOut integer — most relationships returned per firm
//   $reach  integer — most firms above each frontier firm to return rows for as well (0: none)
// Grounds: DOMAIN.md §3 HOLDS_SHARES {ratio} and CONTROLS {basis} Person|Company → Company with
//   validFrom/validTo (a relationship with validTo set has ended); §5.1 integrated ownership.
//   30 is the largest maxDepth the analyses accept.
UNWIND $keys AS k
MATCH (start:Company {key: k})
CALL (start) {
  MATCH (start)<-[:HOLDS_SHARES|CONTROLS*1..30]-(f:Company)
  WITH DISTINCT f
  LIMIT $reach
  RETURN collect(f) AS above
}
UNWIND [start] + above AS c
WITH DISTINCT c
CALL (c) {
  OPTIONAL MATCH (h)-[r:HOLDS_SHARES|CONTROLS]->(c)
  WHERE CASE WHEN $asOf IS NULL THEN r.validTo IS NULL
             ELSE coalesce(r.validFrom <= $asOf, true) AND coalesce(r.validTo > $asOf, true) END
  RETURN count(r) AS degree,
         sum(CASE WHEN type(r) = 'HOLDS_SHARES' AND h <> c THEN coalesce(r.ratio, 0.0) ELSE 0.0 END) AS othersSum,
         sum(CASE WHEN type(r) = 'HOLDS_SHARES' AND h = c THEN coalesce(r.ratio, 0.0) ELSE 0.0 END) AS selfRatio
}
CALL (c) {
  MATCH (h)-[r:HOLDS_SHARES|CONTROLS]->(c)
  WHERE CASE WHEN $asOf IS NULL THEN r.validTo IS NULL
             ELSE coalesce(r.validFrom <= $asOf, true) AND coalesce(r.validTo > $asOf, true) END
  WITH c, h, r
  ORDER BY CASE WHEN h = c THEN 0 WHEN type(r) = 'CONTROLS' THEN 1 ELSE 2 END, coalesce(r.ratio, 2.0) DESC, h.key
  LIMIT $fanOut
  RETURN collect({
    type: type(r), ratio: r.ratio, basis: r.basis, basisText: r.basisText, validFrom: r.validFrom, validTo: r.validTo,
    holder: {
      kind: CASE WHEN h:Company THEN 'COMPANY' ELSE 'PERSON' END, key: h.key, name: h.name,
      idMasked: h.idMasked, status: h.status,
      holders: CASE WHEN h:Company THEN COUNT {
        (x)-[q:HOLDS_SHARES|CONTROLS]->(h)
        WHERE CASE WHEN $asOf IS NULL THEN q.validTo IS NULL
                   ELSE coalesce(q.validFrom <= $asOf, true) AND coalesce(q.validTo > $asOf, true) END
      } ELSE 0 END
    }
  }) AS edges
}
RETURN c.key AS key, degree, othersSum, selfRatio, edges
