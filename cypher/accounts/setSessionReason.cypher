// Sets (or, with null, clears) the 查询事由 given for a session: the reason full ID numbers may be
// shown to its user, recorded with every audit entry of the session.
// Parameters:
//   $id string — the session's id
//   $reason string or null — a case number or a sentence
// Grounds: issue 11, seeing a full ID number needs a recorded reason, once per session or per query.
MATCH (s:Session {id: $id})
SET s.reason = $reason
RETURN s.reason AS reason
