// Websites are shared nodes keyed by the normalised host and path.
CREATE CONSTRAINT website_key IF NOT EXISTS FOR (w:Website) REQUIRE w.key IS UNIQUE
