// Naive beneficial owners (the issue's baseline): every holding path of up to 10 steps into the
// firm, its ratio product summed per top holder. Enumerates paths, so it grows with the number of
// walks (and round cycles, up to the length cap) — what integrated ownership avoids.
// Parameters: $firm string — the firm's key.
MATCH p = (h)-[:HOLDS_SHARES*1..10]->(c:Company {key: $firm})
RETURN h.key AS holder, sum(reduce(s = 1.0, r IN relationships(p) | s * coalesce(r.ratio, 0.0))) AS ratio
