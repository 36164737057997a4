import { keywordLists as keywordListsShape, keywordListsFromStored, shippedKeywordLists, type KeywordList, type KeywordListVocabulary } from '../model/keywordLists.ts';
import { ListTypeVocabulary, parseListTypeVocabulary, shippedListTypes, vocabularyFromStored, type ListTypeDefinition } from '../model/listTypes.ts';
import { keywordListsChanges, listTypesChanges, storedVersion, type VocabularyChange, type VocabularyName, type VocabularyVersion } from '../model/vocabularies.ts';
import type { Graph, GraphReader, Row } from './run.ts';
import { int } from './values.ts';

/**
 * The store of the versioned vocabularies (model/vocabularies.ts): list types and keyword lists.
 * Every change goes through here — an administrator's edit at the API, an import that extends the
 * list types from a file (importers/listTypes.ts, `chuantou import --list-types`) — so each makes one version with
 * its author, time, reason and changes, by one check-and-set write (cypher/vocabulary/save*.cypher):
 * a change made from a version that is no longer the current one is refused, never merged.
 * It lives at the cypher level because the importers and the analyses both read what it writes.
 */

/** The version a change was made from is no longer the current one: read again and redo the change. */
export class VocabularyEditConflict extends Error {
  readonly code = 'EDIT_CONFLICT';
  constructor(
    readonly vocabulary: VocabularyName,
    readonly expectedVersion: number,
  ) {
    super(
      `${vocabulary} 已不是第 ${expectedVersion} 版（其间有人修改），请重新读取后再修改 / ` +
        `${vocabulary} is no longer at version ${expectedVersion} (someone changed it meanwhile): read it again and redo the change`,
    );
  }
}

export interface VocabularyEdit {
  /** The version the change was made from: the edit is refused when the database holds another. */
  expectedVersion: number;
  author: string;
  reason: string;
}

type Run = (name: string, params: Record<string, unknown>) => Promise<Row[]>;

const SEED_AUTHOR = 'chuantou';
const SEED_REASON = '随程序提供的初始词表 / the vocabulary as shipped';
const UNRECORDED_REASON = '开始记录版本前的词表 / the vocabulary as it stood before versions were recorded';

/** The version a change was made from, as the save statements record it when it is not yet recorded. */
function baseParam(base: { version: number; source: 'database' | 'shipped' }, content: unknown) {
  return { version: int(base.version), author: SEED_AUTHOR, reason: base.source === 'shipped' ? SEED_REASON : UNRECORDED_REASON, content: JSON.stringify(content) };
}

const typeRow = (t: ListTypeDefinition) => ({ code: t.code, name: t.name, nameEn: t.nameEn, meaning: t.meaning, spellings: [...t.spellings] });

/**
 * Writes `types` as list-type version `version` inside the caller's transaction, if the database
 * still holds `edit.expectedVersion` (0: none stored); `base` is the vocabulary the change was made
 * from (the shipped seed when none is stored). For the importers, which lock, read and extend in
 * one transaction; administrators' edits use saveListTypes.
 */
export async function writeListTypesVersion(
  run: Run,
  edit: VocabularyEdit & { base: ListTypeVocabulary; version: number; types: readonly ListTypeDefinition[]; changes: VocabularyChange[] },
): Promise<void> {
  const rows = await run('vocabulary/saveListTypes', {
    expectedVersion: int(edit.expectedVersion),
    version: int(edit.version),
    seedVersion: int(shippedListTypes.version),
    base: baseParam(edit.base, edit.base.types.map(typeRow)),
    author: edit.author,
    reason: edit.reason,
    changes: JSON.stringify(edit.changes),
    content: JSON.stringify(edit.types.map(typeRow)),
    types: edit.types.map(typeRow),
  });
  if (rows.length === 0) throw new VocabularyEditConflict('listTypes', edit.expectedVersion);
}

export async function readListTypes(graph: GraphReader): Promise<ListTypeVocabulary> {
  return vocabularyFromStored(await graph.read('vocabulary/listTypes'));
}

export async function readKeywordLists(graph: GraphReader): Promise<KeywordListVocabulary> {
  return keywordListsFromStored(await graph.read<{ version: unknown; content: unknown }>('vocabulary/keywordLists'));
}

export interface Saved<V> {
  vocabulary: V;
  /** What the new version changed; empty when the edit changed nothing (and no version was made). */
  changes: VocabularyChange[];
}

/**
 * The list types made `types` as the next version. The types must already be checked
 * (model/vocabularies.ts listTypesEdit); they are checked again as a whole vocabulary here, so
 * nothing the readers would refuse is ever stored. An edit that changes nothing makes no version.
 */
export async function saveListTypes(graph: Graph, edit: VocabularyEdit & { types: readonly ListTypeDefinition[] }): Promise<Saved<ListTypeVocabulary>> {
  const current = await readListTypes(graph);
  if (current.version !== edit.expectedVersion) throw new VocabularyEditConflict('listTypes', edit.expectedVersion);
  const changes = listTypesChanges(current.types, edit.types);
  if (changes.length === 0) return { vocabulary: current, changes };
  const next = parseListTypeVocabulary({ version: current.version + 1, types: edit.types }, 'database');
  await graph.inWriteTransaction((run) => writeListTypesVersion(run, { ...edit, base: current, version: next.version, types: next.types, changes }));
  return { vocabulary: next, changes };
}

/** The keyword lists made `lists` as the next version (checked again here); an edit that changes nothing makes no version. */
export async function saveKeywordLists(graph: Graph, edit: VocabularyEdit & { lists: readonly KeywordList[] }): Promise<Saved<KeywordListVocabulary>> {
  const current = await readKeywordLists(graph);
  if (current.version !== edit.expectedVersion) throw new VocabularyEditConflict('keywordLists', edit.expectedVersion);
  const lists = keywordListsShape.parse(edit.lists);
  const changes = keywordListsChanges(current.lists, lists);
  if (changes.length === 0) return { vocabulary: current, changes };
  const version = current.version + 1;
  await graph.inWriteTransaction(async (run) => {
    const rows = await run('vocabulary/saveKeywordLists', {
      expectedVersion: int(edit.expectedVersion),
      version: int(version),
      seedVersion: int(shippedKeywordLists.version),
      base: baseParam(current, current.lists),
      author: edit.author,
      reason: edit.reason,
      changes: JSON.stringify(changes),
      content: JSON.stringify(lists),
    });
    if (rows.length === 0) throw new VocabularyEditConflict('keywordLists', edit.expectedVersion);
  });
  return { vocabulary: keywordListsFromStored([{ version, content: JSON.stringify(lists) }]), changes };
}

const seedRecord = (vocabulary: VocabularyName, version: number): VocabularyVersion => ({ vocabulary, version, author: SEED_AUTHOR, at: null, reason: SEED_REASON, changes: [] });

const readCurrent = (graph: GraphReader, vocabulary: VocabularyName) => (vocabulary === 'listTypes' ? readListTypes(graph) : readKeywordLists(graph));

/**
 * Versions of one vocabulary, newest first: `limit` of them below `before` (from the newest when
 * null). A database that holds none yet has one version: the shipped seed standing in.
 */
export async function vocabularyHistory(graph: GraphReader, vocabulary: VocabularyName, page: { before: number | null; limit: number }): Promise<VocabularyVersion[]> {
  const rows = await graph.read('vocabulary/versions', { vocabulary, before: page.before === null ? null : int(page.before), limit: int(page.limit) });
  if (rows.length > 0 || page.before !== null) return rows.map((r) => storedVersion.parse(r));
  const current = await readCurrent(graph, vocabulary);
  return current.source === 'shipped' ? [seedRecord(vocabulary, current.version)] : [];
}

/** The stored record of one version and its content (JSON); the shipped seed's when the database holds none and `version` is the seed's. */
async function versionRecord(graph: GraphReader, vocabulary: VocabularyName, version: number): Promise<{ record: VocabularyVersion; content: string | null } | null> {
  const [row] = await graph.read('vocabulary/version', { id: `${vocabulary}@${version}` });
  if (row) return { record: storedVersion.parse(row), content: String(row.content) };
  const current = await readCurrent(graph, vocabulary);
  if (current.source !== 'shipped' || current.version !== version) return null;
  return { record: seedRecord(vocabulary, version), content: null };
}

/** One version of the list types with the types as they then stood; null when this database never had it. */
export async function listTypesVersion(graph: GraphReader, version: number): Promise<(VocabularyVersion & { listTypes: ListTypeVocabulary }) | null> {
  const found = await versionRecord(graph, 'listTypes', version);
  if (!found) return null;
  const listTypes = found.content === null ? shippedListTypes : parseListTypeVocabulary({ version, types: JSON.parse(found.content) }, 'database');
  return { ...found.record, listTypes };
}

/** One version of the keyword lists with the lists as they then stood; null when this database never had it. */
export async function keywordListsVersion(graph: GraphReader, version: number): Promise<(VocabularyVersion & { keywordLists: KeywordListVocabulary }) | null> {
  const found = await versionRecord(graph, 'keywordLists', version);
  if (!found) return null;
  const keywordLists = found.content === null ? shippedKeywordLists : keywordListsFromStored([{ version, content: found.content }]);
  return { ...found.record, keywordLists };
}
