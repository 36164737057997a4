import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tar from 'tar';
import type { Command } from 'commander';
import { loadConfig, type Config } from '../../server/config.ts';
import type { Graph } from '../../cypher/run.ts';
import { MODEL_VERSION } from '../../model/graph.ts';
import { migrateStore, pendingMigrations, readStoreVersion } from '../../migrations/modelVersion.ts';
import { localNeo4jStatus, startLocalNeo4j, stopLocalNeo4j, type RunningNeo4j } from '../../neo4j/localServer.ts';
import { openGraph } from '../database.ts';
import { osUser } from '../audited.ts';
import { recordPending } from '../../audit/pending.ts';

/** `chuantou db …`: the local Neo4j server's life cycle, its offline backups and its data-model version. */

function requireLocal(config: Config): void {
  if (config.neo4j.external) {
    throw new Error(`NEO4J_URI 指向外部服务器 ${config.neo4j.uri}，本命令只管理本地 Neo4j / NEO4J_URI names an external server; this command manages the local one only`);
  }
}

function requireStopped(config: Config, action: string): void {
  const status = localNeo4jStatus(config.local.neo4jHome);
  if (status.running) throw new Error(`${action}前请先停止 Neo4j（npx chuantou db stop）/ stop Neo4j before ${action === '备份' ? 'a backup' : 'a restore'}: pid ${status.pid}`);
}

/**
 * Runs `work` against the configured database: NEO4J_URI's, or the local one — started for the
 * while when it is not running, and stopped again afterwards.
 */
async function withDatabase<T>(config: Config, work: (graph: Graph) => Promise<T>): Promise<T> {
  let started: RunningNeo4j | null = null;
  if (!config.neo4j.external && !localNeo4jStatus(config.local.neo4jHome).running) {
    console.log(`正在启动本地 Neo4j（端口 ${config.local.boltPort}），完成后停止… / starting the local Neo4j for this command…`);
    started = await startLocalNeo4j({
      home: config.local.neo4jHome,
      boltPort: config.local.boltPort,
      heap: config.local.heap,
      pageCache: config.local.pageCache,
      passwordFile: config.local.neo4jPasswordFile,
      log: (line) => console.log(line),
    });
  }
  try {
    const graph = await openGraph(config);
    try {
      return await work(graph);
    } finally {
      await graph.close();
    }
  } finally {
    await started?.stop();
  }
}

/** Backup and restore run on a stopped store: their entries wait for the next start (audit/pending.ts). */
function recordOffline(config: Config, action: 'backup' | 'restore', operation: string, params: Record<string, unknown>, detail?: string): void {
  recordPending(config.audit.checkpointDir, { actor: { name: `cli:${osUser()}`, via: 'cli', role: null }, action, operation, outcome: 'ok', address: os.hostname(), params, detail: detail ?? null });
}

export function registerDbCommands(program: Command): void {
  const db = program.command('db').description('本地 Neo4j 数据库 / the local Neo4j database');

  db.command('start')
    .description('在后台启动本地 Neo4j（Bolt 仅监听 127.0.0.1）/ start the local Neo4j in the background')
    .action(async () => {
      const config = loadConfig();
      requireLocal(config);
      const neo4j = await startLocalNeo4j({
        home: config.local.neo4jHome,
        boltPort: config.local.boltPort,
        heap: config.local.heap,
        pageCache: config.local.pageCache,
        passwordFile: config.local.neo4jPasswordFile,
        detached: true,
        log: (line) => console.log(line),
      });
      const graph = await openGraph(config);
      await graph.applySchema();
      await graph.close();
      console.log(`Neo4j 已启动 / started: ${neo4j.uri} (pid ${neo4j.pid})`);
    });

  db.command('stop')
    .description('停止本地 Neo4j / stop the local Neo4j')
    .action(async () => {
      const config = loadConfig();
      requireLocal(config);
      const stopped = await stopLocalNeo4j(config.local.neo4jHome);
      console.log(stopped ? 'Neo4j 已停止 / stopped' : 'Neo4j 未在运行 / was not running');
    });

  db.command('status')
    .description('显示数据库状态 / show the database status')
    .action(async () => {
      const config = loadConfig();
      if (!config.neo4j.external) {
        const status = localNeo4jStatus(config.local.neo4jHome);
        console.log(status.running ? `本地 Neo4j 运行中 / running: pid ${status.pid}, bolt://127.0.0.1:${status.boltPort}` : '本地 Neo4j 未运行 / not running');
        if (!status.running) return;
      }
      const graph = await openGraph(config);
      try {
        const [counts] = await graph.read<{ firms: number; persons: number }>('admin/countEntities');
        console.log(`${config.neo4j.uri}: 企业 ${counts?.firms} 家，人员 ${counts?.persons} 人 / firms ${counts?.firms}, persons ${counts?.persons}`);
        const store = await readStoreVersion(graph);
        const relation =
          store.version > MODEL_VERSION
            ? '比本程序新，请升级穿透 / newer than this Chuantou: upgrade Chuantou'
            : store.version < MODEL_VERSION
              ? '待迁移 / to be migrated'
              : '与本程序一致 / current';
        console.log(`数据模型版本 / data model version: ${store.empty ? `${store.version}（空库 / empty）` : store.version}，本程序 / this Chuantou: ${MODEL_VERSION} — ${relation}`);
        for (const m of pendingMigrations(store.version)) console.log(`  待迁移 / pending: ${m.version} ${m.name} — ${m.description.zh} / ${m.description.en}`);
        if (store.version < MODEL_VERSION) console.log('  运行 / run: npx chuantou db migrate');
      } finally {
        await graph.close();
      }
    });

  db.command('migrate')
    .description('把数据库升级到本程序的数据模型版本（依次应用待迁移项）/ bring the database up to this Chuantou\'s data model version')
    .action(async () => {
      const config = loadConfig();
      await withDatabase(config, async (graph) => {
        // Migrations rely on the constraints of the current schema (new labels, unique keys).
        await graph.applySchema();
        const outcome = await migrateStore(graph, { log: (line) => console.log(line) });
        console.log(
          outcome.applied.length === 0
            ? `数据模型已是第 ${outcome.to} 版，无需迁移 / the data model is at version ${outcome.to}: nothing to migrate`
            : `数据模型已从第 ${outcome.from} 版升级到第 ${outcome.to} 版 / the data model went from version ${outcome.from} to ${outcome.to}`,
        );
      });
    });

  db.command('backup')
    .argument('<file>', '备份文件（.tar.gz）/ backup file (.tar.gz)')
    .description('离线备份：复制已停止的数据库存储 / offline copy of the stopped store')
    .action(async (file: string) => {
      const config = loadConfig();
      requireLocal(config);
      requireStopped(config, '备份');
      const dataDir = path.join(config.local.neo4jHome, 'data');
      if (!fs.existsSync(dataDir)) throw new Error(`没有可备份的数据 / nothing to back up: ${dataDir}`);
      const entries = ['neo4j/data'];
      // Person keys are HMACs under this secret: a store restored without it could not match new imports.
      // The audit chain's key and its checkpoints go too: without them the restored trail could not be verified.
      for (const extra of ['key-secret', 'audit-key', path.relative(config.local.dataDir, config.audit.checkpointDir)]) {
        if (!extra.startsWith('..') && fs.existsSync(path.join(config.local.dataDir, extra))) entries.push(extra);
      }
      await tar.create({ gzip: true, file, cwd: config.local.dataDir, portable: true }, entries);
      recordOffline(config, 'backup', 'db backup', { file: path.resolve(file) });
      console.log(`已备份到 / backed up to ${path.resolve(file)}`);
    });

  db.command('restore')
    .argument('<file>', '由 db backup 生成的文件 / a file made by db backup')
    .description('恢复离线备份，仅限已停止且为空的实例 / restore a backup into a stopped, empty instance')
    .action(async (file: string) => {
      const config = loadConfig();
      requireLocal(config);
      requireStopped(config, '恢复');
      if (!fs.existsSync(file)) throw new Error(`找不到备份文件 / no such file: ${file}`);
      if (fs.existsSync(path.join(config.local.neo4jHome, 'data'))) {
        throw new Error(
          `目标实例不为空（${config.local.neo4jHome}/data 已存在）；请指定新的 CHUANTOU_DATA_DIR / the instance is not empty: point CHUANTOU_DATA_DIR at a new folder`,
        );
      }
      fs.mkdirSync(config.local.dataDir, { recursive: true });
      const checkpoints = path.relative(config.local.dataDir, config.audit.checkpointDir);
      await tar.extract({
        file,
        cwd: config.local.dataDir,
        filter: (p) => p === 'key-secret' || p === 'audit-key' || p.startsWith('neo4j/data') || (!checkpoints.startsWith('..') && p.startsWith(checkpoints)),
      });
      recordOffline(config, 'restore', 'db restore', { file: path.resolve(file) }, '数据库已从备份恢复 / the database was restored from a backup');
      console.log(`已恢复到 / restored into ${config.local.dataDir}`);
    });
}
