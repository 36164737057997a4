// Proposes "possibly the same person" for a mention person resolution could not decide: a person
// named in a firm without a full ID number, where the firm names several persons of that name
// with full, different ID numbers that all fit. Written as proposeSamePersons.cypher writes it
// (from the smaller key to the larger), for a person to confirm or reject; reasons are added to
// those of an existing proposal.
// Parameters:
//   $pairs list of map — {first, second, reasons}: keys in order, reasons among compatible-id, shared-firm
//   $by    string — the run (or retract, or migration) that proposes
// Grounds: DOMAIN.md §3 POSSIBLY_SAME_AS {reason, status}; never merge on a name alone.
UNWIND $pairs AS pair
MATCH (x:Person {key: pair.first}), (y:Person {key: pair.second})
MERGE (x)-[s:POSSIBLY_SAME_AS]->(y)
ON CREATE SET s.status = 'proposed', s.proposedBy = $by, s.proposedAt = datetime(), s.reasons = pair.reasons
ON MATCH SET s.reasons = [r IN ['compatible-id', 'shared-firm', 'shared-address-or-phone'] WHERE r IN coalesce(s.reasons, []) OR r IN pair.reasons]
RETURN count(s) AS proposals
