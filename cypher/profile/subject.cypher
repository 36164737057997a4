// The entity a profile (一户一档) is about, by its domain key: a firm, a person, or a person key
// merged into another person (the survivor answers). Its own facts — a firm's registration, a
// person's identity — every provenance entry on the node, and the keys merged into it.
// Parameters:
//   $key string — a firm key (USCC, registration number, U-…) or a person key (P-…, or a merged one)
// Grounds: DOMAIN.md §3 keys and provenance; a key ever handed out keeps answering (KeyAlias).
// Every lookup is by a unique key (constraints company_key, person_key, key_alias_key): no scan.
// A person's full ID number is returned; the server masks it on the way out unless the reader may
// see it (model/idMasking.ts), as for entities/company.
CALL () {
  MATCH (c:Company {key: $key}) RETURN c AS n
  UNION
  MATCH (p:Person {key: $key}) RETURN p AS n
  UNION
  MATCH (:KeyAlias {key: $key})-[:ALIAS_OF]->(p:Person) RETURN p AS n
}
WITH n LIMIT 1
CALL (n) {
  OPTIONAL MATCH (a:KeyAlias)-[:ALIAS_OF]->(n)
  WITH a ORDER BY a.key
  RETURN collect(a.key) AS aliases
}
RETURN CASE WHEN n:Company THEN 'COMPANY' ELSE 'PERSON' END AS kind,
       n.key AS key,
       CASE WHEN n:Company THEN n {
              .name, .uscc, .registrationNumber, .keyUnverified, .formerNames, .companyType, .status,
              .registeredCapitalWan, .registeredCapitalCurrency, .registeredCapitalText,
              .establishedOn, .registrationAuthority, .registeredAddress, .operatingAddress, .industry,
              .businessScope, .regionCode, .regionName, .headOfficeName, .personInCharge, .premisesAddress,
              .venueCategory, .tradingModel,
              venue: n:Exchange, branch: n:Branch }
            ELSE n { .name, .idMasked, .idNumber, .idKind, .idInvalid, .sex, .nationality, .keyBasis } END AS facts,
       coalesce(n.provenance, []) AS provenance,
       aliases
