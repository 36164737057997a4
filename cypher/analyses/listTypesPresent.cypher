// The list types the data holds: the ListEntry nodes grouped by the type their import stored (the
// canonical name, or the spelling as given when that import's vocabulary did not know it: no
// code), with the spellings given and how many entries and FLAGGED links each has. What
// analyses/listTypes.ts resolves through the vocabulary to decide which stored values a screen
// counts and to say which it did not.
// Parameters: none.
// Grounds: DOMAIN.md §3 ListEntry; issue 10 §1 (every analysis that selects by list type says which
//   types present in the data it did not count).
MATCH (l:ListEntry)
WITH l.listType AS listType, l.listTypeCode AS code, l.listTypeText AS spelling, COUNT { (l)<-[:FLAGGED]-() } AS links
RETURN listType, code, [s IN collect(DISTINCT spelling) WHERE s IS NOT NULL] AS spellings, count(*) AS entries, sum(links) AS flags
ORDER BY listType, code
