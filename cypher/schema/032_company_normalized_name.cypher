// Exact match on the normalised name (model/names.ts): how a holder named without a code is
// matched to a registered firm.
CREATE INDEX company_normalized_name IF NOT EXISTS FOR (c:Company) ON (c.normalizedName)
