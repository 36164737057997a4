import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connect } from '../../cypher/run.ts';
import { int } from '../../cypher/values.ts';
import { MODEL_VERSION, nodeTypes } from '../../model/graph.ts';
import { checkBulkImportTarget, runAdminImport } from '../../neo4j/adminImport.ts';
import { LocalNeo4jError, portInUse, startLocalNeo4j, type RunningNeo4j } from '../../neo4j/localServer.ts';
import { finishWithPasses, importFiles, type ImportSummary } from '../importFiles.ts';
import { RejectsFile } from '../rejects.ts';
import type { ImportSettings } from '../plan.ts';
import { ARRAY_DELIMITER_OPTION, writeAdminCsv } from './adminCsv.ts';
import { MemoryGraph, type RunCalls } from './memoryGraph.ts';

/**
 * The initial load of very large files into an empty local database: the online importer's
 * planning, converters and rejects file, with every batch written into memory instead of Neo4j,
 * then `neo4j-admin database import full` from the resulting CSV files, then the database started
 * once to create the schema, record the run and propose same-person links, as an online run does.
 *
 * The graph is held in memory until it is written out, so that a node named by many rows gets
 * the merged properties and every provenance entry, as MERGE gives it online. That bounds the size
 * of a load by the Node.js heap (docs/bulk-import.md).
 */

export interface BulkLoadOptions extends ImportSettings {
  files: string[];
  /** The local instance's folder (config.local.neo4jHome). */
  home: string;
  /** Parent of the temporary folder for the admin CSV files. */
  workDir: string;
  /** As for importFiles: the run's report and rejects file go into a sub-folder per run. */
  reportDir: string;
  secret: string;
  user?: string;
  batchSize?: number;
  /** -Xmx of the neo4j-admin JVM (default 2g) and the cap on its off-heap caches (default 4g). */
  importHeap?: string;
  importOffHeap?: string;
  /** The instance as it is started after the import, for the schema and the run record. */
  server: { boltPort: number; heap: string; pageCache: string; passwordFile: string };
  /** Keep the admin CSV files (they are removed after a successful load). */
  keepCsv?: boolean;
  onProgress?: (progress: { file: string; rows: number }) => void;
  log?: (line: string) => void;
}

export interface BulkLoadSummary extends ImportSummary {
  nodes: number;
  relationships: number;
  /** Where the admin CSV files are, when kept. */
  csvDir: string | null;
  adminLog: string;
  phases: { convert: number; writeCsv: number; adminImport: number; schemaAndRun: number };
}

/**
 * Writes the run's record with the real queries, as the online run would have (start, last
 * checkpoints, the passes after the writes, finish); the passes' findings join the run's rejects file.
 */
async function recordRun(server: RunningNeo4j, run: RunCalls, summary: ImportSummary): Promise<Pick<ImportSummary, 'proposedSamePersons' | 'inferredByCode' | 'rejectsByCode' | 'rejectsFile'>> {
  const graph = connect({ uri: server.uri, ...server.auth });
  try {
    await graph.applySchema();
    // What neo4j-admin wrote was converted by this code: the store holds the current model.
    await graph.write('modelVersion/stampLoadedStore', { version: int(MODEL_VERSION), by: os.userInfo().username });
    const start = run.start!;
    const options = { ...JSON.parse(String(start.options)), bulk: true };
    await graph.write('importRun/start', { ...start, options: JSON.stringify(options) });
    for (const checkpoint of run.checkpoints.values()) await graph.write('importRun/checkpoint', checkpoint);
    const rejects = new RejectsFile(path.join(path.dirname(summary.reportFile), 'rejects.csv'));
    const counts = await finishWithPasses(graph, summary.deferredPasses!, rejects);
    await graph.write('importRun/finish', { id: summary.runId, status: 'completed', error: null });
    const add = (a: Record<string, number>, b: Record<string, number>) => {
      for (const [code, n] of Object.entries(b)) a[code] = (a[code] ?? 0) + n;
      return a;
    };
    return {
      proposedSamePersons: counts.proposedSamePersons ?? 0,
      rejectsByCode: add({ ...summary.rejectsByCode }, rejects.byCode),
      inferredByCode: add({ ...summary.inferredByCode }, rejects.inferredByCode),
      rejectsFile: (await rejects.close()) ?? summary.rejectsFile,
    };
  } finally {
    await graph.close();
  }
}

/**
 * Runs the online importer against memory and writes the result out. Its own function so that the
 * in-memory graph can be collected before neo4j-admin, a second large process, starts.
 */
async function convert(options: BulkLoadOptions) {
  const memory = new MemoryGraph();
  const summary = await importFiles({
    graph: memory.asGraph(),
    files: options.files,
    reportDir: options.reportDir,
    secret: options.secret,
    user: options.user,
    batchSize: options.batchSize,
    kind: options.kind,
    mappingFile: options.mappingFile,
    encoding: options.encoding,
    sheet: options.sheet,
    source: options.source,
    onProgress: options.onProgress,
    passes: false,
  });
  options.log?.('写出 neo4j-admin CSV 文件 / writing the neo4j-admin CSV files…');
  fs.mkdirSync(options.workDir, { recursive: true });
  const csvDir = fs.mkdtempSync(path.join(options.workDir, `bulk-${summary.runId}-`));
  const csvStarted = Date.now();
  const csv = writeAdminCsv(memory.store, csvDir);
  return { summary, run: memory.run, csv, csvDir, csvSeconds: (Date.now() - csvStarted) / 1000 };
}

// A store that was started once holds the record of its model version (stamped with the schema),
// and nothing else: it is empty, and the load replaces it with a store of its own, stamped anew.
const bookkeepingLabels = [nodeTypes.ModelVersion.label];

export async function bulkLoad(options: BulkLoadOptions): Promise<BulkLoadSummary> {
  const log = options.log ?? (() => {});
  const started = Date.now();
  fs.mkdirSync(options.reportDir, { recursive: true });
  const checkLog = path.join(options.reportDir, 'bulk-check.log');
  await checkBulkImportTarget(options.home, checkLog, bookkeepingLabels);
  fs.rmSync(checkLog, { force: true });
  if (await portInUse(options.server.boltPort)) {
    throw new LocalNeo4jError(
      'NEO4J_PORT_IN_USE',
      `端口 ${options.server.boltPort} 已被占用，导入后无法启动数据库；请设置 CHUANTOU_NEO4J_BOLT_PORT / port ${options.server.boltPort} is in use, so the database could not be started after the import: set CHUANTOU_NEO4J_BOLT_PORT`,
    );
  }

  log('校验并转换记录 / validating and converting the records…');
  const { summary, run, csv, csvDir, csvSeconds } = await convert(options);
  const runDir = path.dirname(summary.reportFile);
  const written = Date.now();

  log(`neo4j-admin 导入 ${csv.nodes} 个节点、${csv.relationships} 条关系 / importing ${csv.nodes} nodes and ${csv.relationships} relationships…`);
  const adminLog = path.join(runDir, 'neo4j-admin-import.log');
  try {
    // With every row rejected there is nothing to import (and neo4j-admin insists on nodes).
    if (csv.nodes > 0) await runAdminImport({
      home: options.home,
      csvDir,
      nodeFiles: csv.nodeFiles,
      relationshipFiles: csv.relationshipFiles,
      bookkeepingLabels,
      arrayDelimiter: ARRAY_DELIMITER_OPTION,
      heap: options.importHeap ?? '2g',
      maxOffHeap: options.importOffHeap ?? '4g',
      logFile: adminLog,
    });
  } catch (error) {
    // The CSV files are kept for the diagnosis; say where, since they may be large.
    (error as Error).message += `\nCSV 文件保留在 / the CSV files are kept in ${csvDir}`;
    throw error;
  }
  const imported = Date.now();

  log('启动数据库，建立约束与索引，记录导入批次 / starting the database for the schema and the run record…');
  let server: RunningNeo4j | null = null;
  let recorded: Awaited<ReturnType<typeof recordRun>>;
  try {
    server = await startLocalNeo4j({ home: options.home, ...options.server, log });
    recorded = await recordRun(server, run, summary);
  } catch (error) {
    const e = error as Error;
    e.message =
      `数据已导入，但建立约束或记录导入批次失败；请删除 ${options.home} 后重新批量导入 / the data was imported but the schema or the run record failed; ` +
      `remove ${options.home} and bulk-load again: ${e.message}`;
    throw e;
  } finally {
    await server?.stop();
  }
  if (!options.keepCsv) fs.rmSync(csvDir, { recursive: true, force: true });

  const result: BulkLoadSummary = {
    ...summary,
    ...recorded,
    deferredPasses: undefined,
    seconds: (Date.now() - started) / 1000,
    nodes: csv.nodes,
    relationships: csv.relationships,
    csvDir: options.keepCsv ? csvDir : null,
    adminLog,
    phases: {
      convert: summary.seconds,
      writeCsv: csvSeconds,
      adminImport: (imported - written) / 1000,
      schemaAndRun: (Date.now() - imported) / 1000,
    },
  };
  fs.writeFileSync(summary.reportFile, JSON.stringify(result, null, 2));
  return result;
}
