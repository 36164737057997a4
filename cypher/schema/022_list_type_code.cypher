// The list-type vocabulary: one ListType per canonical type, keyed by its stable code
// (model/listTypes.ts), and one Vocabulary node per vocabulary, keyed by name, holding its version.
CREATE CONSTRAINT list_type_code IF NOT EXISTS FOR (t:ListType) REQUIRE t.code IS UNIQUE
