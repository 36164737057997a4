// Lookup of a firm by its USCC as typed by a user (the key may be a registration number).
CREATE INDEX company_uscc IF NOT EXISTS FOR (c:Company) ON (c.uscc)
