// Names of the constraints and indexes in force, to show that applying the schema is idempotent.
// Parameters: none.
SHOW INDEXES YIELD name, type
RETURN name, type
ORDER BY name
