// Search, PHONE (analyses/search.ts): the firms with the phone, by its digits.
// Parameters:
//   $phone string — model/contacts.ts normalizePhone of the text (the Phone key)
//   $candidates integer — most hits
// Grounds: DOMAIN.md §3 — contact points are nodes keyed by a normal form, shared by shells.
MATCH (ph:Phone {key: $phone})<-[:HAS_PHONE]-(c:Company)
WITH ph, c LIMIT $candidates
RETURN 'COMPANY' AS kind, c.key AS key, c.name AS name, 0.0 AS score, ph.text AS matchedText
