// One step down an ownership structure: for each firm or person of a frontier, the firms it holds
// shares in or controls by a non-equity relation (CONTROLS). The analyses walk down hop by hop so
// that their caps apply as they go (analyses/ownershipGraph.ts).
// Per entity it returns how many such relationships it has in all (so a fan-out cap is reported,
// never silent) and at most $fanOut of them — a holding of its own shares first, then non-equity
// control, then holdings of unknown ratio, then the largest holdings. Each firm held comes with
// the sum of its other holders' ratios and its holding of its own shares, over all its holders
// (the denominators of integrated ownership), and the number of firms it holds or controls in
// turn (0: nothing further down).
// Parameters:
//   $keys   list of string — domain keys of the frontier (firms or persons)
//   $asOf   date or null — the day asked about: relationships with validFrom absent or on or
//           before it and validTo absent or after it; null: the current ones (validTo absent)
//   $fanOut integer — most relationships returned per entity
// Grounds: DOMAIN.md §3 HOLDS_SHARES {ratio} and CONTROLS {basis} Person|Company → Company with
//   validFrom/validTo (a relationship with validTo set has ended); §5.1 integrated ownership.
UNWIND $keys AS k
CALL (k) {
  MATCH (a:Company {key: k}) RETURN a
  UNION
  MATCH (a:Person {key: k}) RETURN a
}
CALL (a) {
  OPTIONAL MATCH (a)-[r:HOLDS_SHARES|CONTROLS]->(:Company)
  WHERE CASE WHEN $asOf IS NULL THEN r.validTo IS NULL
             ELSE coalesce(r.validFrom <= $asOf, true) AND coalesce(r.validTo > $asOf, true) END
  RETURN count(r) AS degree
}
CALL (a) {
  MATCH (a)-[r:HOLDS_SHARES|CONTROLS]->(c:Company)
  WHERE CASE WHEN $asOf IS NULL THEN r.validTo IS NULL
             ELSE coalesce(r.validFrom <= $asOf, true) AND coalesce(r.validTo > $asOf, true) END
  WITH a, c, r
  ORDER BY CASE WHEN c = a THEN 0 WHEN type(r) = 'CONTROLS' THEN 1 ELSE 2 END, coalesce(r.ratio, 2.0) DESC, c.key
  LIMIT $fanOut
  CALL (c) {
    OPTIONAL MATCH (h)-[s:HOLDS_SHARES]->(c)
    WHERE CASE WHEN $asOf IS NULL THEN s.validTo IS NULL
               ELSE coalesce(s.validFrom <= $asOf, true) AND coalesce(s.validTo > $asOf, true) END
    RETURN sum(CASE WHEN h <> c THEN coalesce(s.ratio, 0.0) ELSE 0.0 END) AS othersSum,
           sum(CASE WHEN h = c THEN coalesce(s.ratio, 0.0) ELSE 0.0 END) AS selfRatio
  }
  RETURN collect({
    type: type(r), ratio: r.ratio, basis: r.basis, basisText: r.basisText, validFrom: r.validFrom, validTo: r.validTo,
    firm: {
      key: c.key, name: c.name, status: c.status, othersSum: othersSum, selfRatio: selfRatio,
      holdings: COUNT {
        (c)-[q:HOLDS_SHARES|CONTROLS]->(:Company)
        WHERE CASE WHEN $asOf IS NULL THEN q.validTo IS NULL
                   ELSE coalesce(q.validFrom <= $asOf, true) AND coalesce(q.validTo > $asOf, true) END
      }
    }
  }) AS edges
}
RETURN k AS key, degree, edges
