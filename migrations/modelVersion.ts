import os from 'node:os';
import type { Graph, GraphReader } from '../cypher/run.ts';
import { int } from '../cypher/values.ts';
import { MODEL_VERSION, type Caption } from '../model/graph.ts';
import { migrations, type Migration } from './index.ts';

/**
 * The store's data-model version, checked where the product opens a store: `serve` refuses a store
 * of another version (a newer one was written by a newer Chuantou; an older one must be migrated
 * first), `start` migrates an older one itself, `db migrate` brings one up to date. The version is
 * the ModelVersion node's (cypher/modelVersion/); a store without it that holds data was written
 * before versions were recorded (version 0); an empty store is stamped when the schema is applied.
 */

export const MIGRATE_COMMAND = 'npx chuantou db migrate';

export class ModelVersionError extends Error {
  constructor(
    readonly code: 'MODEL_VERSION_NEWER' | 'MODEL_VERSION_OLDER' | 'MODEL_VERSION_CHANGED',
    message: string,
  ) {
    super(message);
  }
}

export interface HistoryEntry {
  version: number;
  /** 'new-store', or the migration's name. */
  name: string;
  at: string;
  by: string;
}

export interface StoreVersion {
  version: number;
  /** The store holds nothing (and is at the current version: there is nothing to migrate). */
  empty: boolean;
  history: HistoryEntry[];
}

interface VersionRow {
  version: number | null;
  historyVersions: number[];
  historyNames: string[];
  historyAt: string[];
  historyBy: string[];
  hasData: boolean;
}

export async function readStoreVersion(graph: GraphReader): Promise<StoreVersion> {
  const [row] = await graph.read<VersionRow>('modelVersion/get');
  const history = (row?.historyVersions ?? []).map((version, i) => ({
    version,
    name: row!.historyNames[i] ?? '',
    at: row!.historyAt[i] ?? '',
    by: row!.historyBy[i] ?? '',
  }));
  if (row?.version !== null && row?.version !== undefined) return { version: row.version, empty: false, history };
  return row?.hasData ? { version: 0, empty: false, history } : { version: MODEL_VERSION, empty: true, history };
}

/** The migrations a store at `version` lacks, in order. */
export function pendingMigrations(version: number): Migration[] {
  return migrations.filter((m) => m.version > version);
}

const listed = (pending: Migration[], lang: keyof Caption) => pending.map((m) => `${m.version} ${m.description[lang]}`).join(lang === 'zh' ? '；' : '; ');

function newerError(version: number): ModelVersionError {
  return new ModelVersionError(
    'MODEL_VERSION_NEWER',
    `数据库的数据模型为第 ${version} 版，比本程序的第 ${MODEL_VERSION} 版新：它由更新版本的穿透写入。请升级穿透后再使用这个数据库 / ` +
      `the database holds data model version ${version}, newer than this Chuantou's version ${MODEL_VERSION}: a newer Chuantou wrote it. Upgrade Chuantou to use this database`,
  );
}

function olderError(version: number): ModelVersionError {
  const pending = pendingMigrations(version);
  return new ModelVersionError(
    'MODEL_VERSION_OLDER',
    `数据库的数据模型为第 ${version} 版，本程序需要第 ${MODEL_VERSION} 版。待应用的迁移：${listed(pending, 'zh')}。请先运行 ${MIGRATE_COMMAND} / ` +
      `the database holds data model version ${version}; this Chuantou needs version ${MODEL_VERSION}. Pending migrations: ${listed(pending, 'en')}. Run \`${MIGRATE_COMMAND}\` first`,
  );
}

/** The store's version when it is this code's; otherwise a ModelVersionError saying what to do. */
export async function requireCurrentModel(graph: GraphReader): Promise<StoreVersion> {
  const store = await readStoreVersion(graph);
  if (store.version > MODEL_VERSION) throw newerError(store.version);
  if (store.version < MODEL_VERSION) throw olderError(store.version);
  return store;
}

export interface MigrationOutcome {
  from: number;
  to: number;
  applied: { migration: Migration; summary: Caption; seconds: number }[];
}

/**
 * Applies the migrations the store lacks, in order, each recorded in the store's history as soon as
 * it is done (so an interrupted migrate resumes at the next one). Refuses a store newer than this
 * code. The schema must have been applied: migrations rely on its constraints.
 */
export async function migrateStore(graph: Graph, options: { by?: string; log?: (line: string) => void } = {}): Promise<MigrationOutcome> {
  const by = options.by ?? os.userInfo().username;
  const log = options.log ?? (() => {});
  const store = await readStoreVersion(graph);
  if (store.version > MODEL_VERSION) throw newerError(store.version);
  const pending = pendingMigrations(store.version);
  const outcome: MigrationOutcome = { from: store.version, to: store.version, applied: [] };
  for (const [i, migration] of pending.entries()) {
    log(`迁移 ${i + 1}/${pending.length}：第 ${migration.version} 版，${migration.description.zh} / migration ${i + 1} of ${pending.length}: version ${migration.version}, ${migration.description.en}`);
    const started = Date.now();
    const summary = await migration.up(graph, { by });
    const [recorded] = await graph.write('modelVersion/record', { from: int(migration.version - 1), version: int(migration.version), name: migration.name, by });
    if (!recorded) {
      throw new ModelVersionError(
        'MODEL_VERSION_CHANGED',
        `迁移期间数据库版本被另一进程改变（是否同时运行了两次 db migrate？），请重新运行 ${MIGRATE_COMMAND} / ` +
          `the database's version changed during the migration (two migrates at once?): run \`${MIGRATE_COMMAND}\` again`,
      );
    }
    const seconds = (Date.now() - started) / 1000;
    log(`  ${summary.zh} / ${summary.en}（${seconds.toFixed(1)} 秒 / s）`);
    outcome.applied.push({ migration, summary, seconds });
    outcome.to = migration.version;
  }
  return outcome;
}
