// Proposes "possibly the same person" links for the persons a run touched: same normalised name
// and either compatible ID numbers (a masked number whose visible digits agree with the other's)
// or a shared firm, address or phone. Two full, different ID numbers are two people. Proposals
// are for a human to confirm or reject; an unconfirmed link never merges or groups anyone.
// Parameters:
//   $prefix string — 'runId/'; $runId string
// Grounds: DOMAIN.md §3 POSSIBLY_SAME_AS {reason, status}; never merge on name alone.
MATCH (p:Person)
WHERE any(e IN p.provenance WHERE e STARTS WITH $prefix)
MATCH (q:Person {normalizedName: p.normalizedName})
WHERE q.key <> p.key AND NOT (p.idNumber IS NOT NULL AND q.idNumber IS NOT NULL)
WITH p, q, coalesce(p.idNumber, p.idMasked) AS a, coalesce(q.idNumber, q.idMasked) AS b
WITH p, q,
     a IS NOT NULL AND b IS NOT NULL AND size(a) = size(b)
       AND all(i IN range(0, size(a) - 1) WHERE substring(a, i, 1) = '*' OR substring(b, i, 1) = '*'
                                            OR substring(a, i, 1) = substring(b, i, 1)) AS idCompatible,
     EXISTS { (p)--(:Company)--(q) } AS sharedFirm,
     EXISTS { (p)--(:Company)-[:REGISTERED_AT|OPERATES_AT|HAS_PHONE]->()<-[:REGISTERED_AT|OPERATES_AT|HAS_PHONE]-(:Company)--(q) } AS sharedContact
WHERE idCompatible OR sharedFirm OR sharedContact
WITH CASE WHEN p.key < q.key THEN p ELSE q END AS first, CASE WHEN p.key < q.key THEN q ELSE p END AS second,
     [r IN [CASE WHEN idCompatible THEN 'compatible-id' END, CASE WHEN sharedFirm THEN 'shared-firm' END,
            CASE WHEN sharedContact THEN 'shared-address-or-phone' END] WHERE r IS NOT NULL] AS reasons
MERGE (first)-[s:POSSIBLY_SAME_AS]->(second)
ON CREATE SET s.status = 'proposed', s.proposedBy = $runId, s.proposedAt = datetime()
SET s.reasons = reasons
RETURN count(DISTINCT s) AS proposals
