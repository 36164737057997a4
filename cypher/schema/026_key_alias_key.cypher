// A person key merged into another person stays valid as an alias (importers/passes/persons.ts):
// one alias per key, so every look-up of an old key finds one survivor.
CREATE CONSTRAINT key_alias_key IF NOT EXISTS FOR (a:KeyAlias) REQUIRE a.key IS UNIQUE
