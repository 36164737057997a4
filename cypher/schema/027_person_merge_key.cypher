// Person merges are recorded once each (fromKey > intoKey @ the run or retract that made it).
CREATE CONSTRAINT person_merge_key IF NOT EXISTS FOR (m:PersonMerge) REQUIRE m.key IS UNIQUE
