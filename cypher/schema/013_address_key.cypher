// Addresses are shared nodes (shell clusters meet at one address), keyed by the normalised text.
CREATE CONSTRAINT address_key IF NOT EXISTS FOR (a:Address) REQUIRE a.key IS UNIQUE
