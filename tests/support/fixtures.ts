import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Graph } from '../../cypher/run.ts';
import { importFiles } from '../../importers/importFiles.ts';
import { freshGraph, TEST_KEY_SECRET } from './graph.ts';

/**
 * A fresh graph holding a fixture folder: its `<kind>.csv` files through the real importers (a
 * rejected row is a broken fixture, so it fails the set-up), then its `.cypher` files for what no
 * importer writes (history, an unknown ratio, a confirmed same-person link).
 */
export async function loadFixtures(dir: string, kinds: string[], cypherFiles: string[] = []): Promise<Graph> {
  const graph = await freshGraph();
  const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-fixtures-'));
  try {
    const files = kinds.map((k) => path.join(dir, `${k}.csv`));
    const summary = await importFiles({ graph, files, reportDir, secret: TEST_KEY_SECRET });
    if (Object.keys(summary.rejectsByCode).length > 0) {
      throw new Error(`fixture rows rejected in ${dir}: ${JSON.stringify(summary.rejectsByCode)} (see ${summary.rejectsFile})`);
    }
    for (const file of cypherFiles) await graph.driver.executeQuery(fs.readFileSync(path.join(dir, file), 'utf8'));
  } finally {
    fs.rmSync(reportDir, { recursive: true, force: true });
  }
  return graph;
}
