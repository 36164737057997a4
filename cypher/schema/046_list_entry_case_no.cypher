// Search by case or document number (server search, CASE_NUMBER): the number as written, or part
// of it ('〔2023〕017号'), found from the index. A text index answers both = and CONTAINS.
CREATE TEXT INDEX list_entry_case_no IF NOT EXISTS FOR (l:ListEntry) ON (l.caseNo)
