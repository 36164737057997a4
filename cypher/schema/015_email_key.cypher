// E-mail addresses are shared nodes keyed by the lower-cased address.
CREATE CONSTRAINT email_key IF NOT EXISTS FOR (e:Email) REQUIRE e.key IS UNIQUE
