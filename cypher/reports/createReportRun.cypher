// Stores a report run, never to be edited: its document as canonical JSON (RFC 8785) with the
// SHA-256 of that text, and beside it the summary fields a list shows without reading the
// document. `ownerKey` is who may always read it: the query's owner at the time, or whoever ran
// an unsaved query.
// Parameters:
//   $id string — a random UUID; $queryId string or null; $number integer
//   $ranAt datetime; $ranBy string — account name, "cli:<os user>" or "system"; $ranByKey string — its name key
//   $ownerKey string; $trigger string — manual | cli | schedule; $analysis string; $title string
//   $findingCount integer; $exhaustive boolean; $contentHash string; $content string
// Grounds: issue 13, "running it creates a report run that is never edited … and a SHA-256 of its
// canonical content".
CREATE (r:ReportRun {id: $id, queryId: $queryId, number: $number, ranAt: $ranAt, ranBy: $ranBy, ranByKey: $ranByKey,
                     ownerKey: $ownerKey, trigger: $trigger, analysis: $analysis, title: $title,
                     findingCount: $findingCount, exhaustive: $exhaustive, contentHash: $contentHash, content: $content})
RETURN r {.id, .queryId, .number, .ranAt, .ranBy, .trigger, .findingCount, .exhaustive, .contentHash} AS run
