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

let neo4j: RunningNeo4j | null = null;
let home = '';

export async function setup(project: TestProject): Promise<void> {
  // The test database is disposable and per run, so two runs on one machine never share a store;
  // stores left by runs that were killed are removed.
  fs.mkdirSync(testDataDir, { recursive: true });
  for (const entry of fs.readdirSync(testDataDir)) {
    const pid = /^neo4j-(\d+)$/.exec(entry)?.[1];
    if (pid && !processAlive(Number(pid))) fs.rmSync(path.join(testDataDir, entry), { recursive: true, force: true });
  }
  home = path.join(testDataDir, `neo4j-${process.pid}`);
  ensureLauncherBuilt((line) => process.stdout.write(`${line}\n`));
  await ensureWebBuilt((line) => process.stdout.write(`${line}\n`));
  neo4j = await startLocalNeo4j({
    home,
    boltPort: Number(process.env.CHUANTOU_TEST_BOLT_PORT ?? (await freePort())),
    heap: process.env.CHUANTOU_TEST_NEO4J_HEAP ?? '1g',
    pageCache: process.env.CHUANTOU_TEST_NEO4J_PAGECACHE ?? '1g',
    passwordFile: path.join(home, 'neo4j-password'),
  });
  project.provide('neo4j', { uri: neo4j.uri, ...neo4j.auth });
}

export async function teardown(): Promise<void> {
  await neo4j?.stop();
  fs.rmSync(home, { recursive: true, force: true });
}
