// Registration facts a branch list gives about the branch itself (成立日期, 登记机关, 状态,
// 营业场所), filled in where the branch has no registration of its own; a registration
// import, which is the authority on these, overwrites them with history.
// Parameters:
//   $rows list of maps — {key, props}
// Grounds: DOMAIN.md §4 branches.
UNWIND $rows AS r
MATCH (b:Company {key: r.key})
SET b.establishedOn = coalesce(b.establishedOn, r.props.establishedOn),
    b.registrationAuthority = coalesce(b.registrationAuthority, r.props.registrationAuthority),
    b.status = coalesce(b.status, r.props.status),
    b.operatingAddress = coalesce(b.operatingAddress, r.props.operatingAddress)
