// Branches (分支机构) and their head offices; the branch is labelled Branch.
// Parameters:
//   $rows list of maps — {branchKey, headKey, prov}
// Grounds: DOMAIN.md §3 BRANCH_OF Company(branch) → Company(head office).
UNWIND $rows AS r
MATCH (b:Company {key: r.branchKey})
MATCH (h:Company {key: r.headKey})
SET b:Branch
MERGE (b)-[s:BRANCH_OF]->(h)
SET s.provenance = CASE WHEN r.prov IN coalesce(s.provenance, []) THEN s.provenance
                        ELSE coalesce(s.provenance, []) + r.prov END
