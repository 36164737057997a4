import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../cypher/run.ts';
import { importFiles } from '../../importers/importFiles.ts';
import { rejectCodes, type RejectCode } from '../../importers/rejects.ts';
import { freshGraph, TEST_KEY_SECRET } from '../support/graph.ts';

/**
 * Every code of the reject catalogue is produced by some fixture row, so none is dead text, and
 * every code tells a clerk in both languages what is wrong.
 */

const fixtures = path.resolve('tests/fixtures/importers');
let graph: Graph;
const produced = new Map<RejectCode, string>();

beforeAll(async () => {
  graph = await freshGraph();
  const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-catalogue-'));
  const files = [
    ...fs.readdirSync(fixtures).filter((f) => f.endsWith('.csv') && f !== 'unknown-headers.csv').map((f) => path.join(fixtures, f)),
    ...fs.readdirSync(path.join(fixtures, 'bad')).map((f) => path.join(fixtures, 'bad', f)),
    // Inferences of the passes over the graph: an ambiguous ratio, one derived, holdings over 100%.
    ...['firm-sum.csv', 'subscribed.csv', 'over-100.csv'].map((f) => path.join(fixtures, 'ratios', f)),
    // A legal representative by name only, then the same person with an ID number: one person;
    // then a second person of the name whose number fits too: split back.
    ...['registrations.csv', 'officers.csv', 'officers-second.csv'].map((f) => path.join(fixtures, 'persons', f)),
  ];
  for (const file of files) {
    const summary = await importFiles({ graph, files: [file], reportDir, secret: TEST_KEY_SECRET });
    for (const code of Object.keys({ ...summary.rejectsByCode, ...summary.inferredByCode }) as RejectCode[]) produced.set(code, path.basename(file));
  }
});
afterAll(() => graph.close());

describe('reject catalogue', () => {
  it('every reject code is produced by at least one fixture row', () => {
    const missing = (Object.keys(rejectCodes) as RejectCode[]).filter((code) => !produced.has(code));
    expect(missing).toEqual([]);
  });

  it('every reject code has a Chinese and an English reason and says whether the row was dropped, kept or inferred', () => {
    for (const [code, entry] of Object.entries(rejectCodes)) {
      expect(entry.zh, code).toMatch(/[\u4e00-\u9fff]/);
      expect(entry.en, code).toMatch(/[a-z]{3}/);
      expect(['reject', 'flag', 'inference']).toContain(entry.severity);
    }
  });
});
