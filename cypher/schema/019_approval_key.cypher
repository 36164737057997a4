// Venue approvals are keyed by approving authority plus document number.
CREATE CONSTRAINT approval_key IF NOT EXISTS FOR (a:Approval) REQUIRE a.key IS UNIQUE
