// Deletes every node and relationship, in batches so that a large graph does not have to fit in
// one transaction. Used by tests to reset their own database; never by the product.
// Parameters: none.
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
