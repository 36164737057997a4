import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureLauncherBuilt, startLocalNeo4j, type RunningNeo4j } from '../../neo4j/localServer.ts';
import { ensureWebBuilt } from '../../cli/webBuild.ts';

/**
 * Starts the test suite's own Neo4j (its own port and data folder under .test-data, never the
 * user's .data) and builds the web app once for the browser test. Every test file reaches the
 * database through `inject('neo4jUri')`.
 */

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
  }
}

export const testDataDir = path.resolve('.test-data');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

let neo4j: RunningNeo4j | null = null;

export async function setup(project: TestProject): Promise<void> {
  const home = path.join(testDataDir, 'neo4j');
  // The test database is disposable: start from an empty store every run.
  fs.rmSync(home, { recursive: true, force: true });
  ensureLauncherBuilt((line) => process.stdout.write(`${line}\n`));
  await ensureWebBuilt((line) => process.stdout.write(`${line}\n`));
  neo4j = await startLocalNeo4j({
    home,
    boltPort: Number(process.env.CHUANTOU_TEST_BOLT_PORT ?? (await freePort())),
    heap: process.env.CHUANTOU_TEST_NEO4J_HEAP ?? '1g',
    pageCache: process.env.CHUANTOU_TEST_NEO4J_PAGECACHE ?? '1g',
  });
  project.provide('neo4jUri', neo4j.uri);
}

export async function teardown(): Promise<void> {
  await neo4j?.stop();
}
