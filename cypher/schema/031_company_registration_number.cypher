// Lookup of a firm by its old 15-digit registration number.
CREATE INDEX company_registration_number IF NOT EXISTS FOR (c:Company) ON (c.registrationNumber)
