// The filings that name a person as beneficial owner (ownerKey holds the person's key rather than
// a relationship): found when the person is resolved into another one.
CREATE INDEX bo_filing_owner IF NOT EXISTS FOR (b:BOFiling) ON (b.ownerKey)
