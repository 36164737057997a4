// Filed beneficial owners are keyed by firm, person and relationship type.
CREATE CONSTRAINT bo_filing_key IF NOT EXISTS FOR (b:BOFiling) REQUIRE b.key IS UNIQUE
