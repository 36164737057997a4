// How many firms and people the database holds; zero firms means an empty database that
// `npm start` fills with the demo data.
// Parameters: none.
RETURN COUNT { (:Company) } AS firms, COUNT { (:Person) } AS persons
