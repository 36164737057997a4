// Naive flagged controllers: from every person, every firm reached over up to three holding,
// control or office steps, kept when the firm is on a list; persons behind at least 3 such firms.
// Parameters: none.
MATCH (p:Person)-[:HOLDS_SHARES|CONTROLS|LEGAL_REPRESENTATIVE_OF|OFFICER_OF*1..3]->(f:Company)-[:FLAGGED]->(:ListEntry)
WITH p, count(DISTINCT f) AS firms
WHERE firms >= 3
RETURN p.key AS person, firms
