import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureLauncherBuilt, freePort, startLocalNeo4j, type RunningNeo4j } from '../../neo4j/localServer.ts';
import { ensureWebBuilt } from '../../cli/webBuild.ts';

/**
 * Starts the test suite's own Neo4j (its own port and data folder under .test-data, never the
 * user's .data) and builds the web app once for the browser test. Every test file reaches the
 * database, which requires signing in as the product's own does, through `testNeo4j()` of graph.ts.
 */

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: { uri: string; user: string; password: string };
  }
}

export const testDataDir = path.resolve('.test-data');


function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The suite's one Neo4j, shared by the test projects (vitest.config.ts), whose global setups each
 * run this file: the first starts it, every one is given it, the last to finish stops it. Kept on
 * the process, as each project may load this module afresh.
 */
interface SuiteNeo4j {
  started: Promise<{ neo4j: RunningNeo4j; home: string }>;
  users: number;
}
const shared = globalThis as typeof globalThis & { chuantouSuiteNeo4j?: SuiteNeo4j };

async function startSuiteNeo4j(): Promise<{ neo4j: RunningNeo4j; home: string }> {
  // The test database is disposable and per run, so two runs on one machine never share a store;
  // stores left by runs that were killed are removed.
  fs.mkdirSync(testDataDir, { recursive: true });
  for (const entry of fs.readdirSync(testDataDir)) {
    const pid = /^neo4j-(\d+)$/.exec(entry)?.[1];
    if (pid && !processAlive(Number(pid))) fs.rmSync(path.join(testDataDir, entry), { recursive: true, force: true });
  }
  const home = path.join(testDataDir, `neo4j-${process.pid}`);
  ensureLauncherBuilt((line) => process.stdout.write(`${line}\n`));
  await ensureWebBuilt((line) => process.stdout.write(`${line}\n`));
  const neo4j = await startLocalNeo4j({
    home,
    boltPort: Number(process.env.CHUANTOU_TEST_BOLT_PORT ?? (await freePort())),
    heap: process.env.CHUANTOU_TEST_NEO4J_HEAP ?? '1g',
    pageCache: process.env.CHUANTOU_TEST_NEO4J_PAGECACHE ?? '1g',
    passwordFile: path.join(home, 'neo4j-password'),
  });
  return { neo4j, home };
}

export async function setup(project: TestProject): Promise<void> {
  shared.chuantouSuiteNeo4j ??= { started: startSuiteNeo4j(), users: 0 };
  shared.chuantouSuiteNeo4j.users += 1;
  const { neo4j } = await shared.chuantouSuiteNeo4j.started;
  project.provide('neo4j', { uri: neo4j.uri, ...neo4j.auth });
}

export async function teardown(): Promise<void> {
  const suite = shared.chuantouSuiteNeo4j;
  if (!suite || --suite.users > 0) return;
  shared.chuantouSuiteNeo4j = undefined;
  const { neo4j, home } = await suite.started;
  await neo4j.stop();
  fs.rmSync(home, { recursive: true, force: true });
}
