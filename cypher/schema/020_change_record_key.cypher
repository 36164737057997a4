// Change records are keyed by firm, item, date and content, so a re-import adds none.
CREATE CONSTRAINT change_record_key IF NOT EXISTS FOR (c:ChangeRecord) REQUIRE c.key IS UNIQUE
