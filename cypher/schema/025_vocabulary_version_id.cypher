// A vocabulary's version exists once ('<vocabulary>@<version>'): a second editor who somehow
// passed the version check could still not record the same version twice.
CREATE CONSTRAINT vocabulary_version_id IF NOT EXISTS FOR (r:VocabularyVersion) REQUIRE r.id IS UNIQUE
