// What tells firms and persons on a walk apart beside their names: a firm's USCC, else its
// registration number; a person's masked ID number (same-name persons are common). Entities of
// other kinds (addresses, phones …) are named by their text and have no identifier.
// Parameters:
//   $keys list of {kind: 'COMPANY' | 'PERSON', key: string} — the firms and persons of the walk
// Grounds: DOMAIN.md §3 — persons are told apart by the masked ID number, never the full one.
UNWIND $keys AS ref
OPTIONAL MATCH (c:Company {key: ref.key})
  WHERE ref.kind = 'COMPANY'
OPTIONAL MATCH (p:Person {key: ref.key})
  WHERE ref.kind = 'PERSON'
RETURN ref.kind AS kind, ref.key AS key, coalesce(c.uscc, c.registrationNumber, p.idMasked) AS identifier
