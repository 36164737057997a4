// Proposes "possibly the same person" links for the persons a run touched: same normalised name
// and either compatible ID numbers (a masked number whose visible digits agree with the other's)
// or a shared firm, address or phone. Two full, different ID numbers are two people. Proposals
// are for a human to confirm or reject; an unconfirmed link never merges or groups anyone.
// Each person's candidates come from its own neighbourhood (its firms, their contact points) and,
// when it has an ID number, from the persons of its name whose visible digits are the same (an
// index lookup); an address or phone linked to more than $hubFirms firms (a registration agent's)
// is no evidence and is not walked.
// Limit: a mask of an unusual shape (not the first and last four characters shown) is compared
// with all persons of its name when its own person is in the run, but a later run's person is not
// compared with it.
// Committed every 1000 persons, so a run of millions of rows never makes one huge transaction.
// Parameters:
//   $prefix string — 'runId/'; $runId string
//   $hubFirms integer — contact points with more links than this are registration agents' (ignored)
// Grounds: DOMAIN.md §3 POSSIBLY_SAME_AS {reason, status}; never merge on name alone; §5.7 shell
//   clusters share an agent's address, which says nothing about who their people are.
MATCH (p:Person)
WHERE any(e IN p.provenance WHERE e STARTS WITH $prefix)
CALL (p) {
  // Each branch finds every candidate of its reason, so the reasons of a pair are complete.
  CALL (p) {
    // The usual mask shows the first and last four characters, as idMasked is written for a full
    // number: two such numbers agree wherever both are visible exactly when the masks are equal,
    // which the index finds without reading the name group.
    WITH p WHERE p.idMasked =~ '[^*]{4}[*]+[^*]{4}'
    MATCH (q:Person {normalizedName: p.normalizedName, idMasked: p.idMasked})
    WHERE q <> p
    RETURN q, 'compatible-id' AS reason
    UNION
    // A mask of another shape is compared with every person of the name, position by position.
    WITH p, coalesce(p.idNumber, p.idMasked) AS a
    WHERE a IS NOT NULL AND NOT coalesce(p.idMasked =~ '[^*]{4}[*]+[^*]{4}', false)
    MATCH (q:Person {normalizedName: p.normalizedName})
    WITH p, q, a, coalesce(q.idNumber, q.idMasked) AS b
    WHERE q <> p AND b IS NOT NULL AND size(b) = size(a)
      AND all(i IN range(0, size(a) - 1) WHERE substring(a, i, 1) = '*' OR substring(b, i, 1) = '*'
                                           OR substring(a, i, 1) = substring(b, i, 1))
    RETURN q, 'compatible-id' AS reason
    UNION
    MATCH (p)-[:HOLDS_SHARES|LEGAL_REPRESENTATIVE_OF|OFFICER_OF|CONTROLS]->(:Company)
          <-[:HOLDS_SHARES|LEGAL_REPRESENTATIVE_OF|OFFICER_OF|CONTROLS]-(q:Person)
    // Not seekable on purpose: the firm's few people, not every person of the name, are the candidates.
    WHERE any(name IN [q.normalizedName] WHERE name = p.normalizedName) AND q <> p
    RETURN q, 'shared-firm' AS reason
    UNION
    MATCH (p)-[:HOLDS_SHARES|LEGAL_REPRESENTATIVE_OF|OFFICER_OF|CONTROLS]->(:Company)-[:REGISTERED_AT|OPERATES_AT|HAS_PHONE]->(x)
          <-[:REGISTERED_AT|OPERATES_AT|HAS_PHONE]-(:Company)<-[:HOLDS_SHARES|LEGAL_REPRESENTATIVE_OF|OFFICER_OF|CONTROLS]-(q:Person)
    WHERE COUNT { (x)<-[:REGISTERED_AT|OPERATES_AT|HAS_PHONE]-() } <= $hubFirms
      AND q.normalizedName = p.normalizedName AND q <> p
    RETURN q, 'shared-address-or-phone' AS reason
  }
  WITH p, q, collect(reason) AS found
  // A pair of two persons of the run is written once, from the one with the smaller key, unless
  // one has a number but not the usual mask: such a pair may be found from that side only.
  WHERE NOT (p.idNumber IS NOT NULL AND q.idNumber IS NOT NULL)
    AND (p.key < q.key OR NOT any(e IN q.provenance WHERE e STARTS WITH $prefix)
         OR (coalesce(p.idNumber, p.idMasked) IS NOT NULL AND NOT coalesce(p.idMasked =~ '[^*]{4}[*]+[^*]{4}', false))
         OR (coalesce(q.idNumber, q.idMasked) IS NOT NULL AND NOT coalesce(q.idMasked =~ '[^*]{4}[*]+[^*]{4}', false)))
  WITH CASE WHEN p.key < q.key THEN p ELSE q END AS first, CASE WHEN p.key < q.key THEN q ELSE p END AS second,
       [r IN ['compatible-id', 'shared-firm', 'shared-address-or-phone'] WHERE r IN found] AS reasons
  MERGE (first)-[s:POSSIBLY_SAME_AS]->(second)
  ON CREATE SET s.status = 'proposed', s.proposedBy = $runId, s.proposedAt = datetime()
  SET s.reasons = reasons
  RETURN [first.key, second.key] AS pair
} IN TRANSACTIONS OF 1000 ROWS
RETURN count(DISTINCT pair) AS proposals
