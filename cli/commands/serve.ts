import type { Command } from 'commander';
import crypto from 'node:crypto';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Graph } from '../../cypher/run.ts';
import { loadConfig, type Config } from '../../server/config.ts';
import { keySecret } from '../../server/keySecret.ts';
import { importFiles } from '../../importers/importFiles.ts';
import { localNeo4jStatus, startLocalNeo4j, type RunningNeo4j } from '../../neo4j/localServer.ts';
import { migrateStore, requireCurrentModel } from '../../migrations/modelVersion.ts';
import { openGraph } from '../database.ts';
import { ensureWebBuilt } from '../webBuild.ts';
import { demoFiles } from '../../demo/files.ts';
import { Accounts, ensureFirstSysadmin, generatePassword } from '../../accounts/accounts.ts';
import type { AuditTrail } from '../../audit/trail.ts';
import { openAuditTrail } from '../../server/auditTrail.ts';
import type { WatchScheduler } from '../../reports/watches.ts';

/**
 * `chuantou serve` runs the API and web app against a running database; `chuantou start` is what
 * `npm start` runs: build what is missing, start the local Neo4j, apply the schema, migrate an
 * older store, load the demo into an empty database, serve — and on Ctrl-C stop everything it
 * started. Neither serves a store of another data-model version: `serve` leaves migrating to the
 * user (`db migrate`: a shared server's data is not changed behind its administrator's back).
 */

/**
 * The HTTP server over the graph as the configuration describes it, not yet listening: what
 * `serve` and `start` run, and what the API load benchmark (bench/apiServer.ts) measures.
 */
export async function configuredServer(
  graph: Graph,
  config: Config,
  log: (line: string) => void,
): Promise<{ server: http.Server; accounts: Accounts; audit: AuditTrail; watches: WatchScheduler | null }> {
  // The HTTP server (GraphQL schema, yoga and its plugins, uploads) and the watches are most of
  // what the CLI would load, and only serve and start use them: loaded here, every other command
  // starts without them (each `chuantou …` is its own process, tsx-compiled).
  const [{ createHttpServer }, { Imports }, { WatchScheduler }] = await Promise.all([
    import('../../server/http.ts'),
    import('../../server/uploads/imports.ts'),
    import('../../reports/watches.ts'),
  ]);
  const accounts = new Accounts(graph, config.accounts.policy);
  const audit = await openAuditTrail(graph, config);
  const server = createHttpServer({
    graph,
    settings: config.analysis,
    accounts,
    audit,
    corsOrigins: config.server.corsOrigins,
    jurisdictionEnforced: config.accounts.jurisdictionEnforced,
    secureCookies: config.server.secureCookies,
    office: config.office,
    imports: new Imports({ graph, dataDir: config.local.dataDir, secret: keySecret(config), maxUploadBytes: config.uploads.maxBytes, audit, log }),
  }, { maxBodyBytes: config.server.maxBodyBytes, queryTimeoutMs: config.server.queryTimeoutMs });
  // Every instance may run watches: the lease each run takes in the graph keeps two from running the same one.
  // A watch's analysis keeps to the time limit of the API's.
  const watches = config.watches.enabled
    ? new WatchScheduler(graph.withTimeout(config.server.queryTimeoutMs), { ...config.analysis, office: config.office }, {
        instanceId: `${os.hostname()}:${process.pid}:${crypto.randomUUID()}`,
        audit,
        log,
      })
    : null;
  return { server, accounts, audit, watches };
}

async function serveUntilStopped(config: Config, options: { startNeo4j: boolean; loadDemo: boolean; migrate: boolean }): Promise<void> {
  const log = (line: string) => console.log(line);
  await ensureWebBuilt(log);

  let neo4j: RunningNeo4j | null = null;
  if (options.startNeo4j && !config.neo4j.external) {
    const status = localNeo4jStatus(config.local.neo4jHome);
    if (status.running) {
      log(`使用已在运行的本地 Neo4j / using the running local Neo4j (pid ${status.pid})`);
    } else {
      log(`正在启动 Neo4j（端口 ${config.local.boltPort}）… / starting Neo4j…`);
      neo4j = await startLocalNeo4j({
        home: config.local.neo4jHome,
        boltPort: config.local.boltPort,
        heap: config.local.heap,
        pageCache: config.local.pageCache,
        passwordFile: config.local.neo4jPasswordFile,
        log,
      });
    }
  }

  let stopping = false;
  const graph = await openGraph(config).catch(async (error) => {
    await neo4j?.stop();
    throw error;
  });
  const { server, accounts, audit, watches } = await configuredServer(graph, config, log);

  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('正在停止… / stopping…');
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await watches?.stop();
    await graph.close();
    await neo4j?.stop();
    log('已停止 / stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  void neo4j?.exited.then((exitCode) => {
    if (!stopping) {
      console.error(`Neo4j 意外退出（代码 ${exitCode}），见 ${config.local.neo4jHome}/logs/debug.log / Neo4j exited unexpectedly`);
      void stop(1);
    }
  });

  try {
    await graph.applySchema();
    if (options.migrate) {
      const outcome = await migrateStore(graph, { log });
      if (outcome.applied.length > 0) log(`数据模型已从第 ${outcome.from} 版升级到第 ${outcome.to} 版 / data model migrated from version ${outcome.from} to ${outcome.to}`);
    } else {
      await requireCurrentModel(graph);
    }
    const signIn = await firstAccounts(accounts, audit, config);
    if (options.loadDemo) {
      const [counts] = await graph.read<{ firms: number }>('admin/countEntities');
      if (counts?.firms === 0) {
        log('数据库为空，正在导入演示数据… / empty database: loading the demo data…');
        const summary = await importFiles({
          graph,
          files: demoFiles,
          reportDir: path.join(config.local.dataDir, 'imports'),
          secret: keySecret(config),
          user: 'demo',
          source: 'demo',
        });
        log(`演示数据已导入 / demo loaded: ${summary.files.map((f) => `${f.kind} ${f.written}`).join(', ')}`);
        await audit.append({ actor: systemActor, action: 'import', operation: 'demo', outcome: 'ok', params: { files: summary.files.map((f) => f.kind) }, resultCount: summary.files.reduce((n, f) => n + f.written, 0) });
        signIn.push(...(await demoInvestigator(accounts, audit)));
      }
    }
    const { listen } = await import('../../server/http.ts');
    const url = await listen(server, config.http.port, config.http.host);
    // Started once the store is current: its first pass runs what came due while no server ran.
    watches?.start();
    log(`\n穿透 Chuantou 已就绪 / ready: ${url}\n${signIn.join('\n')}\n按 Ctrl-C 停止 / press Ctrl-C to stop`);
  } catch (error) {
    const e = error as Error & { code?: string };
    console.error(`错误 / error${e.code ? ` [${e.code}]` : ''}: ${e.message}`);
    await stop(1);
  }
}

const systemActor = { name: 'system', via: 'system', role: null } as const;

/**
 * The first start creates the system administrator — with CHUANTOU_ADMIN_PASSWORD, or a password
 * generated and printed this once, to be changed at the first sign-in: no install shares a
 * password that works everywhere. Returns the lines that tell the user how to sign in.
 */
async function firstAccounts(accounts: Accounts, audit: AuditTrail, config: Config): Promise<string[]> {
  const admin = await ensureFirstSysadmin(accounts, { password: config.accounts.adminPassword });
  if (!admin.created) return ['请用您的账户登录；忘记密码可由系统管理员重置（npx chuantou user reset-password 用户名）/ sign in with your account; a system administrator resets forgotten passwords'];
  await audit.append({ actor: systemActor, action: 'account', operation: 'ensureFirstSysadmin', outcome: 'ok', params: { name: admin.name } });
  return admin.generatedPassword
    ? [
        `首次启动，已创建系统管理员 / first start: system administrator created`,
        `  用户名 / user: ${admin.name}`,
        `  初始密码 / password: ${admin.generatedPassword}`,
        '  （只显示这一次，首次登录须修改；系统管理员管理账户，不查看案件数据）/ (shown this once; change it at first sign-in; the administrator manages accounts and sees no case data)',
      ]
    : [`首次启动，已创建系统管理员 ${admin.name}，密码为 CHUANTOU_ADMIN_PASSWORD / first start: administrator ${admin.name} created with CHUANTOU_ADMIN_PASSWORD`];
}

/**
 * With the demo, an investigator to look at it with (the administrator may not: 三员分立) — its
 * password from CHUANTOU_DEMO_PASSWORD, or generated and printed this once.
 */
async function demoInvestigator(accounts: Accounts, audit: AuditTrail): Promise<string[]> {
  if (await accounts.getUser(DEMO_USER)) return [];
  const given = process.env.CHUANTOU_DEMO_PASSWORD;
  const password = given ?? generatePassword(DEMO_USER, accounts.policy);
  await accounts.createUser({ name: DEMO_USER, displayName: '演示侦查员', role: 'investigator', jurisdiction: '320000', password, mustChangePassword: given === undefined });
  await audit.append({ actor: systemActor, action: 'account', operation: 'createUser', outcome: 'ok', params: { name: DEMO_USER, role: 'investigator' } });
  return [
    '演示数据的查看账户（侦查员）/ an investigator account to explore the demo:',
    `  用户名 / user: ${DEMO_USER}`,
    given ? '  密码 / password: CHUANTOU_DEMO_PASSWORD' : `  初始密码 / password: ${password}  （只显示这一次，首次登录须修改 / shown this once; change it at first sign-in）`,
  ];
}

const DEMO_USER = 'demo';

export function registerServeCommands(program: Command): void {
  program
    .command('serve')
    .description('启动 API 与界面，连接已运行的数据库 / serve the API and web app against a running database')
    .action(() => serveUntilStopped(loadConfig(), { startNeo4j: false, loadDemo: false, migrate: false }));

  program
    .command('start')
    .description('一键启动：Neo4j、演示数据、API 与界面（npm start）/ start everything (what npm start runs)')
    .action(() => serveUntilStopped(loadConfig(), { startNeo4j: true, loadDemo: true, migrate: true }));
}
