// Upserts firms from registration rows (企业登记), keyed on the firm key. A value that differs
// from the one already held is not lost: import/registrationHistory, run just before in the same
// transaction, kept it as a PriorValue; the row's value becomes current. A property the row does
// not give keeps its value. Importing the same rows again changes nothing but adds this run's
// provenance entry. Properties are listed one by one (a map SET would need an Eager operator).
// Parameters:
//   $rows list of maps — {key, props (non-null properties only; dates as dates), prov}
//     prov is the provenance entry 'runId/fileNo:row' (file details live on the ImportRun)
// Grounds: DOMAIN.md §3 — nothing is silently overwritten; keys and provenance.
UNWIND $rows AS r
MERGE (c:Company {key: r.key})
SET c.name = coalesce(r.props.name, c.name),
    c.normalizedName = coalesce(r.props.normalizedName, c.normalizedName),
    c.namePinyin = coalesce(r.props.namePinyin, c.namePinyin),
    c.uscc = coalesce(r.props.uscc, c.uscc),
    c.registrationNumber = coalesce(r.props.registrationNumber, c.registrationNumber),
    c.keyBasis = coalesce(r.props.keyBasis, c.keyBasis),
    c.keyUnverified = coalesce(r.props.keyUnverified, c.keyUnverified),
    c.formerNames = coalesce(r.props.formerNames, c.formerNames),
    c.normalizedFormerNames = coalesce(r.props.normalizedFormerNames, c.normalizedFormerNames),
    c.formerNamesText = coalesce(r.props.formerNamesText, c.formerNamesText),
    c.formerNamesPinyin = coalesce(r.props.formerNamesPinyin, c.formerNamesPinyin),
    c.companyType = coalesce(r.props.companyType, c.companyType),
    c.status = coalesce(r.props.status, c.status),
    c.registeredCapitalWan = coalesce(r.props.registeredCapitalWan, c.registeredCapitalWan),
    c.registeredCapitalCurrency = coalesce(r.props.registeredCapitalCurrency, c.registeredCapitalCurrency),
    c.registeredCapitalText = coalesce(r.props.registeredCapitalText, c.registeredCapitalText),
    c.establishedOn = coalesce(r.props.establishedOn, c.establishedOn),
    c.registrationAuthority = coalesce(r.props.registrationAuthority, c.registrationAuthority),
    c.registeredAddress = coalesce(r.props.registeredAddress, c.registeredAddress),
    c.operatingAddress = coalesce(r.props.operatingAddress, c.operatingAddress),
    c.industry = coalesce(r.props.industry, c.industry),
    c.businessScope = coalesce(r.props.businessScope, c.businessScope),
    c.regionCode = coalesce(r.props.regionCode, c.regionCode),
    c.regionName = coalesce(r.props.regionName, c.regionName),
    c.regionVia = coalesce(r.props.regionVia, c.regionVia),
    c.provenance = CASE WHEN r.prov IN coalesce(c.provenance, []) THEN c.provenance
                        ELSE coalesce(c.provenance, []) + r.prov END
