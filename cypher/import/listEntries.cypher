// The lists and cases (名单/案件) rows name: one ListEntry per list type and case number (or per
// list type and subject when the list gives no number). Written before the FLAGGED links
// (import/firmFlags, import/personFlags), in their own statement: the entry and the link share
// property names (caseNo, source), which one statement could only write with an Eager.
// The list type is the canonical one of the run's vocabulary (model/listTypes.ts) with its code,
// or the spelling as written, without a code, when the vocabulary does not know it; the spelling
// as written is kept beside it. All three are set when the entry is created: they are its key.
// Parameters:
//   $rows list of maps — {entry: {key, listType, listTypeCode (null: unknown), listTypeText, caseNo, props (source)}, prov}
// Grounds: DOMAIN.md §3 ListEntry/Case, §4 list types in office spellings; provenance.
UNWIND $rows AS r
MERGE (l:ListEntry {key: r.entry.key})
ON CREATE SET l.listType = r.entry.listType, l.listTypeCode = r.entry.listTypeCode, l.listTypeText = r.entry.listTypeText, l.caseNo = r.entry.caseNo
SET l.source = coalesce(r.entry.props.source, l.source),
    l.provenance = CASE WHEN r.prov IN coalesce(l.provenance, []) THEN l.provenance
                        ELSE coalesce(l.provenance, []) + r.prov END
