// Uniqueness of firm keys: USCC, else 15-digit registration number, else the unverified
// name-plus-source key (model/keys.ts). Also makes MERGE on the key an index seek.
CREATE CONSTRAINT company_key IF NOT EXISTS FOR (c:Company) REQUIRE c.key IS UNIQUE
