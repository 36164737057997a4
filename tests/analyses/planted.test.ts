import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { importFiles } from '../../importers/importFiles.ts';
import { generateTemp } from '../generator/support.ts';
import { freshGraph, TEST_KEY_SECRET, TEST_SETTINGS } from '../support/graph.ts';
import type { PlantedCheck, Province } from './planted/province.ts';

/**
 * Recall and precision on a generated province of 10k firms: every pattern the generator planted
 * (truth.json `planted`) is reported, and no decoy (`decoys`); and what real exports bring — list
 * types in many spellings, ratios only a firm's sum reads, holdings given by subscribed amounts,
 * one person named twice in a firm, a later snapshot — is read as truth.json says. The province is
 * generated and imported once (its files in one run, then the later shareholder snapshot in a
 * second); each analysis's checks live in tests/analyses/planted/<name>.ts.
 */

const FIRMS = 10_000;
const province = {} as Province;
let cleanup = () => {};
let reportDir = '';

beforeAll(async () => {
  const generated = await generateTemp({ firms: FIRMS, seed: 7, prefix: 'chuantou-planted-' });
  cleanup = generated.cleanup;
  province.truth = generated.result.truth;
  province.graph = await freshGraph();
  province.settings = { ...TEST_SETTINGS, jurisdiction: province.truth.jurisdiction.code };
  reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-planted-report-'));
  const { shareholdersSnapshot, ...files } = province.truth.files;
  const common = { graph: province.graph, reportDir, secret: TEST_KEY_SECRET, user: 'test', batchSize: 2000 };
  const first = await importFiles({ ...common, files: Object.values(files).map((f) => path.join(generated.dir, f)) });
  expect(first.status).toBe('completed');
  const snapshot = await importFiles({ ...common, files: [path.join(generated.dir, shareholdersSnapshot)] });
  expect(snapshot.status).toBe('completed');
  province.imports = { province: first, snapshot };
}, 1_200_000);

afterAll(async () => {
  await province.graph?.close();
  cleanup();
  fs.rmSync(reportDir, { recursive: true, force: true });
});

const checksDir = path.join(import.meta.dirname, 'planted');
for (const file of fs.readdirSync(checksDir).filter((f) => f.endsWith('.ts') && f !== 'province.ts').sort()) {
  const check = ((await import(path.join(checksDir, file))) as { default: PlantedCheck }).default;
  describe(`planted patterns at ${FIRMS / 1000}k firms: ${path.basename(file, '.ts')}`, () => check(province));
}
