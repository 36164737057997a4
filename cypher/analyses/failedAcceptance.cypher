// Approvals that record a province as having failed the inter-ministerial acceptance
// (部际联席会议验收): the acceptance is of a province's clean-up of its venues, so one such record
// puts every venue of that province in question. Approvals are few (one or two per venue).
// Parameters: none.
// Grounds: DOMAIN.md §5.3 local members of venues whose province failed the acceptance; approvals
//   keep true/false/unknown, and only false counts as failed.
MATCH (a:Approval)
WHERE a.acceptancePassed = false
RETURN a.key AS key, a.documentNo AS documentNo, a.approvingAuthority AS approvingAuthority,
       a.province AS province, a.provinceCode AS provinceCode
ORDER BY key
