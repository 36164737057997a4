import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../cypher/run.ts';
import { auditKey } from '../../audit/key.ts';
import { AuditTrail } from '../../audit/trail.ts';
import { runCli } from '../support/cli.ts';
import { loadFixtures } from '../support/fixtures.ts';
import { TEST_KEY_SECRET, testNeo4jEnv } from '../support/graph.ts';

/**
 * `chuantou report run|show|export` and `bundle verify` as a user runs them: a report run made
 * from the command line opens as it was, exports an evidence bundle whose manifest names the
 * audit entry that recorded the export, and a bundle changed afterwards fails verification.
 */

let graph: Graph;
let dataDir: string;
let runId: string;

function chuantou(args: string[]) {
  return runCli(args, { ...testNeo4jEnv(), CHUANTOU_DATA_DIR: dataDir, CHUANTOU_KEY_SECRET: TEST_KEY_SECRET, COLUMNS: '200' });
}

function zipEntries(file: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const entries = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(entries));
      zip.readEntry();
    });
  });
}

function writeZip(file: string, entries: Map<string, Buffer>): Promise<void> {
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    for (const [name, bytes] of entries) zip.addBuffer(bytes, name);
    zip.end();
    zip.outputStream.pipe(fs.createWriteStream(file)).on('close', resolve).on('error', reject);
  });
}

beforeAll(async () => {
  graph = await loadFixtures(path.resolve('tests/fixtures/analyses/flagged'), ['registrations', 'shareholders', 'officers', 'relations', 'lists', 'personLists'], ['confirm.cypher']);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-report-cli-'));
});
afterAll(async () => {
  await graph.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('chuantou report', () => {
  it('runs an analysis as a report run with its content hash, and shows it as it was', async () => {
    const ran = await chuantou(['report', 'run', 'flagged-controllers', '--title', '涉案控制人周报']);
    expect(ran.code, ran.stderr).toBe(0);
    runId = /报告运行 \/ report run: (\S+)/.exec(ran.stdout)![1]!;
    expect(ran.stdout).toMatch(/发现 \/ findings: 6/);
    expect(ran.stdout).toMatch(/content SHA-256: [0-9a-f]{64}/);
    // The data changes after the run: the run still shows what it found.
    await graph.driver.executeQuery("MATCH (p:Person {name: '甲控'}) SET p.name = '甲控（改）'");
    const shown = await chuantou(['report', 'show', runId]);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain('涉案控制人周报');
    expect(shown.stdout).toContain('甲控');
    expect(shown.stdout).not.toContain('甲控（改）');
  }, 180_000);

  it('exports an evidence bundle that names its audit entry, verifies it, and rejects a changed copy', async () => {
    const bundle = path.join(dataDir, 'out', 'report.zip');
    const exported = await chuantou(['report', 'export', runId, '--format', 'bundle', '--output', bundle]);
    expect(exported.code, exported.stderr).toBe(0);
    const entries = await zipEntries(bundle);
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as { runId: string; auditEntry: { seq: number; hmac: string } };
    expect(manifest.runId).toBe(runId);
    const trail = new AuditTrail(graph, { key: auditKey(dataDir, {}), checkpointDir: path.join(dataDir, 'audit', 'checkpoints') });
    const exports = await trail.list({ action: 'export' });
    expect(exports).toHaveLength(1);
    expect(exports[0]).toMatchObject({ seq: manifest.auditEntry.seq, hmac: manifest.auditEntry.hmac, operation: 'report export', outcome: 'ok' });
    expect((await trail.list({ action: 'analysis' })).map((e) => e.operation)).toContain('report run');

    const verified = await chuantou(['bundle', 'verify', bundle]);
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toContain(`#${manifest.auditEntry.seq}`);

    const tampered = path.join(dataDir, 'out', 'tampered.zip');
    const pdfName = [...entries.keys()].find((n) => n.endsWith('.pdf'))!;
    const pdf = Buffer.from(entries.get(pdfName)!);
    pdf[pdf.length - 10] = pdf[pdf.length - 10]! ^ 0x01;
    await writeZip(tampered, new Map([...entries, [pdfName, pdf]]));
    const rejected = await chuantou(['bundle', 'verify', tampered]);
    expect(rejected.code).toBe(1);
    expect(rejected.stderr).toContain('HASH_MISMATCH');
    expect(rejected.stderr).toContain(pdfName);
  }, 180_000);
});
