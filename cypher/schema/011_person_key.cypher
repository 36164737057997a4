// Uniqueness of person keys: opaque keys from a full ID number, or scoped to the naming firm
// (model/keys.ts). Never the raw ID number.
CREATE CONSTRAINT person_key IF NOT EXISTS FOR (p:Person) REQUIRE p.key IS UNIQUE
