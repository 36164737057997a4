// How many entities of each kind the graph holds when a report runs (the kinds of
// analyses/envelope.ts, by their labels in model/graph.ts), for the report's data sources.
// Counts by label come from Neo4j's count store: no node is read.
// Parameters: none.
// Grounds: issue 13, a report run records the data it ran on.
RETURN COUNT { (:Company) } AS COMPANY, COUNT { (:Person) } AS PERSON, COUNT { (:Address) } AS ADDRESS,
       COUNT { (:Phone) } AS PHONE, COUNT { (:Email) } AS EMAIL, COUNT { (:Website) } AS WEBSITE,
       COUNT { (:ListEntry) } AS LIST_ENTRY, COUNT { (:Approval) } AS APPROVAL,
       COUNT { (:ChangeRecord) } AS CHANGE_RECORD, COUNT { (:BOFiling) } AS BO_FILING, COUNT { (:Region) } AS REGION
