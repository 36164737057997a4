// A case (专案) is found by its random id (cases/cases.ts), and two cases never share one.
CREATE CONSTRAINT case_id IF NOT EXISTS FOR (c:Case) REQUIRE c.id IS UNIQUE
