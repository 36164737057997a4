import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type http from 'node:http';
import type { Graph } from '../../cypher/run.ts';
import { importFiles } from '../../importers/importFiles.ts';
import { createHttpServer, listen } from '../../server/http.ts';
import { demoFiles } from '../../demo/files.ts';
import { freshGraph, TEST_KEY_SECRET, TEST_SETTINGS } from './graph.ts';

/** The real app (API and built web UI) on a free loopback port, over the test database with the demo loaded. */
export async function startDemoApp(): Promise<{ url: string; stop: () => Promise<void> }> {
  const graph: Graph = await freshGraph();
  const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-app-'));
  await importFiles({ graph, files: demoFiles, reportDir, secret: TEST_KEY_SECRET, user: 'test' });
  const server: http.Server = createHttpServer(graph, TEST_SETTINGS);
  const url = await listen(server, 0, '127.0.0.1');
  return {
    url,
    stop: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await graph.close();
      fs.rmSync(reportDir, { recursive: true, force: true });
    },
  };
}
