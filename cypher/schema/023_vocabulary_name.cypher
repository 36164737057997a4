// A vocabulary ('listTypes') exists once: concurrent first imports cannot seed it twice.
CREATE CONSTRAINT vocabulary_name IF NOT EXISTS FOR (v:Vocabulary) REQUIRE v.name IS UNIQUE
