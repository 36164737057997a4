// Naive keyword screen: every firm's name and business scope scanned for each keyword with
// CONTAINS (no full-text index).
// Parameters: $keywords list of string.
MATCH (c:Company)
WHERE any(k IN $keywords WHERE c.name CONTAINS k OR coalesce(c.businessScope, '') CONTAINS k)
RETURN count(c) AS firms
