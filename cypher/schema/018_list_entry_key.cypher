// List entries and cases are keyed by list type plus case number or subject.
CREATE CONSTRAINT list_entry_key IF NOT EXISTS FOR (l:ListEntry) REQUIRE l.key IS UNIQUE
