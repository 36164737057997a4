import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { Graph, GraphReader } from '../cypher/run.ts';
import { readListTypes, writeListTypesVersion } from '../cypher/vocabularies.ts';
import {
  extendVocabulary,
  listTypeAddition,
  listTypeExtension,
  ListTypeVocabulary,
  shippedListTypes,
  vocabularyFromStored,
  type ExtensionResult,
  type ListTypeExtension,
} from '../model/listTypes.ts';
import { listTypesChanges } from '../model/vocabularies.ts';
import { normalizeHeader } from './mapping.ts';
import { openFile } from './read/source.ts';

/**
 * The list-type vocabulary in the database (model/listTypes.ts): seeded from the shipped file when
 * absent, extended by users from a file at import (`npx chuantou import --list-types FILE`), its
 * version going up with every change, each change a version in the history (cypher/vocabularies.ts,
 * through which administrators edit it too). ListEntry nodes keep what their import stored (the canonical
 * type and the spelling as given); the analyses resolve them through the vocabulary they read, so
 * a spelling mapped later counts from then on without importing again.
 *
 * The extension file is JSON — `{"types": [{code, name, nameEn, meaning, spellings}], "spellings":
 * [{spelling, type}]}` or an array of such entries — or a table (CSV, XLSX) with the columns 写法
 * (spelling) and 类型 (the type it means: a code, name or known spelling), plus 代码 (code), 英文名称
 * (nameEn) and 含义 (meaning) on the rows that define a new type.
 */

/** The vocabulary the database holds, or the shipped seed when it holds none (a store not yet migrated): the store's reading, under the importers' name. */
export const readListTypeVocabulary: (graph: GraphReader) => Promise<ListTypeVocabulary> = readListTypes;

/**
 * Locks the vocabulary, reads it, and writes what `change` makes of it as a new version (the
 * vocabulary store, cypher/vocabularies.ts), all in one transaction: two imports extending it at
 * once change it one after the other. `current` is null when the database holds none yet. A throw
 * in `change` rolls everything back.
 */
async function updateListTypes<T>(graph: Graph, user: string, reason: string, change: (current: ListTypeVocabulary | null) => { vocabulary: ListTypeVocabulary; result: T }): Promise<T> {
  return graph.inWriteTransaction(async (run) => {
    const [lock] = await run('vocabulary/lockListTypes', {});
    const current = Number(lock?.version ?? 0) > 0 ? vocabularyFromStored(await run('vocabulary/listTypes', {})) : null;
    const { vocabulary, result } = change(current);
    if (current === null || vocabulary.version !== current.version) {
      await writeListTypesVersion(run, {
        expectedVersion: current?.version ?? 0,
        base: current ?? shippedListTypes,
        version: vocabulary.version,
        types: vocabulary.types,
        changes: listTypesChanges((current ?? shippedListTypes).types, vocabulary.types),
        author: user,
        reason,
      });
    }
    return result;
  });
}

/**
 * Seeds the vocabulary from the shipped file when the database holds none; otherwise leaves it as
 * it is. Idempotent: the migration that introduces the vocabulary calls it, and so does the first
 * extension. Returns the vocabulary the database then holds.
 */
export async function ensureListTypeVocabulary(graph: Graph, user = os.userInfo().username): Promise<ListTypeVocabulary> {
  return updateListTypes(graph, user, '随程序提供的初始词表 / the vocabulary as shipped', (current) => {
    const vocabulary = current ?? new ListTypeVocabulary(shippedListTypes.version, shippedListTypes.types, 'database');
    return { vocabulary, result: vocabulary };
  });
}

export class ListTypesFileError extends Error {
  readonly code = 'LIST_TYPES_FILE_INVALID';
}

const meaningWords: Record<string, 'flagging' | 'disclosure' | 'context'> = {
  flagging: 'flagging',
  涉案: 'flagging',
  涉案类: 'flagging',
  disclosure: 'disclosure',
  披露: 'disclosure',
  披露类: 'disclosure',
  context: 'context',
  参考: 'context',
  参考类: 'context',
  仅供参考: 'context',
};

/** The columns of a table extension file, each by the headers it may carry (matched as import headers are). */
const columns = {
  spelling: ['写法', '原写法', '名单类型写法', '名单类型', 'spelling'],
  type: ['类型', '标准类型', '对应类型', '映射到', 'type', 'canonical type', 'maps to'],
  code: ['代码', '类型代码', 'code'],
  nameEn: ['英文名称', '英文名', 'name en', 'english name', 'nameEn'],
  meaning: ['含义', '性质', 'meaning'],
} as const;

type Column = keyof typeof columns;

function fileError(file: string, zh: string, en: string): ListTypesFileError {
  return new ListTypesFileError(`名单类型文件 ${zh} / list-types file: ${en}: ${file}`);
}

/** The JSON shapes: `{types, spellings}` (a `$comment` allowed), or one array of both kinds of entry. */
const jsonFile = z.union([
  listTypeExtension.extend({ $comment: z.string().optional() }).strict(),
  z.array(z.record(z.string(), z.unknown())).transform((entries) => ({
    types: entries.filter((e) => 'code' in e),
    spellings: entries.filter((e) => !('code' in e)),
  })),
]);

function readJsonExtension(file: string): ListTypeExtension {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw fileError(file, `不是有效的 JSON（${(error as Error).message}）`, `not valid JSON (${(error as Error).message})`);
  }
  const shaped = jsonFile.safeParse(raw);
  const parsed = listTypeExtension.safeParse(shaped.success ? shaped.data : raw);
  if (!shaped.success || !parsed.success) {
    const issues = (parsed.success ? shaped.error! : parsed.error).issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ');
    throw fileError(file, `格式不对（应为 {"types": […], "spellings": [{"spelling", "type"}]}）：${issues}`, `unexpected shape (expected {"types": […], "spellings": [{"spelling", "type"}]}): ${issues}`);
  }
  return parsed.data;
}

async function readTableExtension(file: string): Promise<ListTypeExtension> {
  const opened = await openFile(file);
  const extension: ListTypeExtension = { types: [], spellings: [] };
  for (const table of opened.tables) {
    const headers = table.headers.map(normalizeHeader);
    const at = Object.fromEntries(
      (Object.keys(columns) as Column[]).map((c) => [c, columns[c].map(normalizeHeader).map((h) => headers.indexOf(h)).find((i) => i >= 0) ?? -1]),
    ) as Record<Column, number>;
    if (at.spelling < 0 || at.type < 0) {
      throw fileError(file, `须有“写法”和“类型”两列（表头为：${table.headers.join('，')}）`, `needs the columns 写法 (spelling) and 类型 (type); its headers are: ${table.headers.join(', ')}`);
    }
    for await (const { row, cells } of table.rows()) {
      const cell = (c: Column) => (at[c] >= 0 ? (cells[at[c]] ?? '').trim() : '');
      const spelling = cell('spelling');
      const type = cell('type');
      if (!spelling && !type) continue;
      if (!type) throw fileError(file, `第 ${row} 行没有写明类型`, `row ${row} gives no type`);
      const meaningText = cell('meaning');
      const meaning = meaningText ? meaningWords[meaningText.toLowerCase()] : undefined;
      if (meaningText && !meaning) {
        throw fileError(file, `第 ${row} 行的含义“${meaningText}”应为 flagging（涉案）、disclosure（披露）或 context（参考）`, `row ${row}: meaning "${meaningText}" is none of flagging, disclosure, context`);
      }
      const code = cell('code');
      if (code) {
        const added = { code, name: type, nameEn: cell('nameEn') || undefined, meaning, spellings: spelling ? [spelling] : [] };
        const checked = listTypeAddition.safeParse(added);
        if (!checked.success) throw fileError(file, `第 ${row} 行：${checked.error.issues[0]!.message}`, `row ${row}: ${checked.error.issues[0]!.message}`);
        extension.types.push(checked.data);
      } else if (spelling) {
        extension.spellings.push({ spelling, type });
      }
    }
  }
  return extension;
}

/** Reads and checks an extension file; nothing is written. */
export async function readListTypesFile(file: string): Promise<ListTypeExtension> {
  if (!fs.existsSync(file)) throw fileError(file, '不存在', 'not found');
  return path.extname(file).toLowerCase() === '.json' ? readJsonExtension(file) : readTableExtension(file);
}

/**
 * Adds the file's spellings and types to the vocabulary in the database (seeding it first when
 * absent). A spelling that already means another type, or a type renamed or given another meaning,
 * is refused with every conflict listed and nothing written. The version goes up by one when
 * anything was added; a file that adds nothing leaves it as it is.
 */
export async function extendListTypes(graph: Graph, file: string, user = os.userInfo().username): Promise<ExtensionResult> {
  const extension = await readListTypesFile(file);
  return updateListTypes(graph, user, `导入时由名单类型文件扩展 / extended at import from ${path.basename(file)}`, (current) => {
    const base = current ?? new ListTypeVocabulary(shippedListTypes.version, shippedListTypes.types, 'database');
    const extended = extendVocabulary(base, extension);
    return { vocabulary: extended.vocabulary, result: extended };
  });
}

/**
 * The vocabulary an import run converts its list rows with, read once per run: the database's,
 * extended first when the run names a file. A dry run applies the file in memory only. A bulk
 * load's in-memory graph holds no vocabulary (importers/bulk/memoryGraph.ts), so it converts with
 * the shipped seed, as an online import into an empty database does.
 */
export async function listTypesForRun(graph: Graph, options: { file?: string; dryRun?: boolean; user?: string }): Promise<ListTypeVocabulary> {
  if (!options.file) return readListTypeVocabulary(graph);
  if (options.dryRun) return extendVocabulary(await readListTypeVocabulary(graph), await readListTypesFile(options.file)).vocabulary;
  return (await extendListTypes(graph, options.file, options.user)).vocabulary;
}

/** How to map a spelling the vocabulary does not know: what the run's report says beside it. */
export function unknownListTypeHint(spelling: string): string {
  return (
    `在名单类型文件中写一行“${spelling},<标准类型>”（列：写法,类型），再用 --list-types 文件 导入 / ` +
    `add a row "${spelling},<canonical type>" (columns 写法,类型 — spelling,type) to a list-types file and import with --list-types FILE`
  );
}

