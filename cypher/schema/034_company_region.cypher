// Jurisdiction screens filter firms by registration division.
CREATE INDEX company_region IF NOT EXISTS FOR (c:Company) ON (c.regionCode)
