// Same-name persons whose ID numbers show the same digits: 'compatible-id' candidates for the
// 'possibly the same person' proposals, found by equality instead of comparing a whole name group.
CREATE INDEX person_name_id_masked IF NOT EXISTS FOR (p:Person) ON (p.normalizedName, p.idMasked)
