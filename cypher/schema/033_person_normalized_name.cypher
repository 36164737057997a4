// Same-name candidates for 'possibly the same person' proposals.
CREATE INDEX person_normalized_name IF NOT EXISTS FOR (p:Person) ON (p.normalizedName)
