import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type http from 'node:http';
import type { Role } from '../../accounts/roles.ts';
import type { Graph } from '../../cypher/run.ts';
import { importFiles } from '../../importers/importFiles.ts';
import { createHttpServer, listen } from '../../server/http.ts';
import { demoFiles } from '../../demo/files.ts';
import { freshGraph, TEST_KEY_SECRET } from './graph.ts';
import { ensureTestUser, signedInClient, testServerParts, type ApiClient, type TestServerParts } from './server.ts';

export interface DemoApp {
  url: string;
  parts: TestServerParts;
  /** Creates (once) the user `test-<role>` and returns its name; the password is TEST_PASSWORD. */
  user(role: Role): Promise<string>;
  /** An API client over HTTP, signed in as `test-<role>`. */
  client(role: Role): Promise<ApiClient>;
  stop(): Promise<void>;
}

/** The real app (API and built web UI) on a free loopback port, over the test database with the demo loaded. */
export async function startDemoApp(): Promise<DemoApp> {
  const graph: Graph = await freshGraph();
  const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-app-'));
  await importFiles({ graph, files: demoFiles, reportDir, secret: TEST_KEY_SECRET, user: 'test' });
  const parts = testServerParts(graph);
  const server: http.Server = createHttpServer(parts);
  const url = await listen(server, 0, '127.0.0.1');
  return {
    url,
    parts,
    user: (role) => ensureTestUser(parts.accounts, role),
    client: (role) => signedInClient(fetch, parts.accounts, role, { baseUrl: url }),
    stop: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await graph.close();
      fs.rmSync(reportDir, { recursive: true, force: true });
      fs.rmSync(parts.auditDir, { recursive: true, force: true });
    },
  };
}
