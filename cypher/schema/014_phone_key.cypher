// Phones are shared nodes keyed by the normalised number.
CREATE CONSTRAINT phone_key IF NOT EXISTS FOR (p:Phone) REQUIRE p.key IS UNIQUE
