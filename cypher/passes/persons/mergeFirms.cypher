// One page of the person merges on record with the firm each was made in: resolving the whole
// graph checks every earlier merge again as well.
// Parameters:
//   $after string — the last merge key of the previous page ('' for the first)
//   $limit integer — merges per page
// Grounds: issue 10 §3; a merge holds only while its firm has one candidate of the name.
MATCH (m:PersonMerge)
WHERE m.key > $after
WITH m ORDER BY m.key LIMIT $limit
RETURN m.key AS key, [m.firmKey] AS firms
