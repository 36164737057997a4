// An inbox item (reports/inbox.ts) is found by its random id, and two items never share one.
CREATE CONSTRAINT inbox_item_id IF NOT EXISTS FOR (i:InboxItem) REQUIRE i.id IS UNIQUE
