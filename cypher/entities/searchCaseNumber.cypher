// Search, CASE_NUMBER (analyses/search.ts): the firms and persons flagged on a list entry whose
// case or document number holds the text (text index list_entry_case_no); `exact` when it is the
// whole number.
// Parameters:
//   $caseNo string — the text, half-width folded and trimmed
//   $candidates integer — most hits
// Grounds: DOMAIN.md §3 ListEntry/Case, FLAGGED.
MATCH (l:ListEntry) WHERE l.caseNo CONTAINS $caseNo
WITH l LIMIT $candidates
MATCH (s)-[:FLAGGED]->(l)
WITH l, s LIMIT $candidates
RETURN CASE WHEN s:Company THEN 'COMPANY' ELSE 'PERSON' END AS kind, s.key AS key, s.name AS name,
       CASE WHEN l.caseNo = $caseNo THEN 1.0 ELSE 0.0 END AS score, l.caseNo AS matchedText
