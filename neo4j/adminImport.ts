import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { ensureLauncherBuilt, launcherClasspath, localNeo4jStatus } from './localServer.ts';

/**
 * `neo4j-admin database import full` for the local instance, run from the Neo4j jars the launcher
 * already has (BulkImport.java calls the admin tool in-process, after checking the target).
 * Community Edition imports only into a stopped database that holds nothing; anything else is
 * refused with a code, never overwritten.
 */

export class BulkImportError extends Error {
  constructor(
    readonly code: 'BULK_DATABASE_RUNNING' | 'BULK_DATABASE_NOT_EMPTY' | 'BULK_IMPORT_FAILED',
    message: string,
  ) {
    super(message);
  }
}

export interface AdminImportOptions {
  home: string;
  /**
   * Folder of the CSV files. The tool runs inside it and gets bare file names, because it reads
   * ',' in a path as a list separator, '=' as the end of a label list and a file name as a regex.
   */
  csvDir: string;
  nodeFiles: string[];
  relationshipFiles: string[];
  /** neo4j-admin's spelling: one character, 'TAB' or 'U+XXXX'. */
  arrayDelimiter: string;
  /** -Xmx of the import JVM. */
  heap: string;
  /** The importer's own off-heap caches; its default (90% of RAM) is too greedy on a shared machine. */
  maxOffHeap: string;
  /** Everything the tool prints goes here (progress, bad entries, the summary). */
  logFile: string;
  /** Labels of the caller's bookkeeping nodes: a store holding only such nodes counts as empty. */
  bookkeepingLabels?: readonly string[];
}

const runningMessage = (home: string, detail: string) =>
  `本地 Neo4j 正在运行（${detail}）；批量导入只能写入已停止的数据库，请先运行 npx chuantou db stop / ` +
  `the local Neo4j is running (${detail}): a bulk import needs the database stopped — run npx chuantou db stop (${home})`;

const notEmptyMessage = (home: string) =>
  `数据库中已有数据；Neo4j 社区版只能批量导入到空的数据库。向已有数据追加请用 npx chuantou import，或将 CHUANTOU_DATA_DIR 指向新的目录 / ` +
  `the database already holds data: Neo4j Community bulk-imports only into an empty database — add to it with npx chuantou import, or point CHUANTOU_DATA_DIR at a new folder (${home})`;

function tail(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').filter((l) => !/^[.\-]{5}/.test(l)).slice(-lines).join('\n');
  } catch {
    return '';
  }
}

function runBulkImport(home: string, heap: string, args: string[], cwd: string, logFile: string): Promise<{ code: number | null; outcome: string }> {
  ensureLauncherBuilt();
  const out = fs.openSync(logFile, 'w');
  const child = spawn(
    'java',
    [
      `-Xmx${heap}`,
      '-XX:+UseG1GC',
      // The same flags as Neo4j's own neo4j-admin script, without which the tool warns or fails.
      '--add-opens=java.base/java.nio=ALL-UNNAMED',
      '--add-opens=java.base/java.lang=ALL-UNNAMED',
      '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
      '-Dfile.encoding=UTF-8',
      '-cp',
      launcherClasspath(),
      'chuantou.neo4j.BulkImport',
      '--home',
      home,
      ...args,
    ],
    { cwd, stdio: ['ignore', out, out] },
  );
  fs.closeSync(out);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      const outcome = fs.readFileSync(logFile, 'utf8').split('\n').filter((l) => l.startsWith('CHUANTOU_BULK ')).pop() ?? '';
      resolve({ code, outcome });
    });
  });
}

const bookkeepingArgs = (labels: readonly string[]) => labels.flatMap((l) => ['--bookkeeping-label', l]);

function refusal(home: string, code: number | null, outcome: string): BulkImportError | null {
  if (code === 3) return new BulkImportError('BULK_DATABASE_RUNNING', runningMessage(home, outcome.replace(/^CHUANTOU_BULK IN_USE /, '')));
  if (code === 4) return new BulkImportError('BULK_DATABASE_NOT_EMPTY', notEmptyMessage(home));
  return null;
}

function refuseIfRunning(home: string): void {
  const status = localNeo4jStatus(home);
  if (status.running) throw new BulkImportError('BULK_DATABASE_RUNNING', runningMessage(home, `pid ${status.pid}，端口 / port ${status.boltPort}`));
}

/**
 * Whether a bulk import may go into this instance: not running, and no database yet or one that
 * holds no node but bookkeeping. Checked before the files are converted, so that a long conversion is not wasted.
 */
export async function checkBulkImportTarget(home: string, logFile: string, bookkeepingLabels: readonly string[] = []): Promise<void> {
  refuseIfRunning(home);
  fs.mkdirSync(home, { recursive: true });
  const { code, outcome } = await runBulkImport(home, '512m', ['--check-only', ...bookkeepingArgs(bookkeepingLabels)], home, logFile);
  const refused = refusal(home, code, outcome);
  if (refused) throw refused;
  if (code !== 0) throw new BulkImportError('BULK_IMPORT_FAILED', `无法检查数据库 / could not inspect the database:\n${tail(logFile, 20)}`);
}

/** Runs the import; the target is checked again, since the database may have been started meanwhile. */
export async function runAdminImport(options: AdminImportOptions): Promise<{ seconds: number }> {
  refuseIfRunning(options.home);
  const started = Date.now();
  const args = [
    ...bookkeepingArgs(options.bookkeepingLabels ?? []),
    '--',
    ...options.nodeFiles.map((f) => `--nodes=${f}`),
    ...options.relationshipFiles.map((f) => `--relationships=${f}`),
    `--array-delimiter=${options.arrayDelimiter}`,
    // Names, business scopes and notes may span lines.
    '--multiline-fields=true',
    // The files are written deduplicated and complete: any bad entry is a bug to stop on, not to skip.
    '--bad-tolerance=0',
    '--skip-duplicate-nodes=false',
    '--skip-bad-relationships=false',
    '--strict=true',
    `--max-off-heap-memory=${options.maxOffHeap}`,
    '--report-file=import.report',
    'neo4j',
  ];
  const { code, outcome } = await runBulkImport(options.home, options.heap, args, options.csvDir, options.logFile);
  const refused = refusal(options.home, code, outcome);
  if (refused) throw refused;
  if (code !== 0 || !outcome.startsWith('CHUANTOU_BULK IMPORTED')) {
    throw new BulkImportError('BULK_IMPORT_FAILED', `neo4j-admin 导入失败 / neo4j-admin import failed (${options.logFile}):\n${tail(options.logFile, 30)}`);
  }
  return { seconds: (Date.now() - started) / 1000 };
}
