import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../cypher/run.ts';
import { auditKey } from '../../audit/key.ts';
import { AuditTrail } from '../../audit/trail.ts';
import { runCli } from '../support/cli.ts';
import { freshGraph, TEST_KEY_SECRET, testNeo4jEnv } from '../support/graph.ts';

/**
 * The command line records what it does to the data in the audit trail, as the OS user who ran
 * it; `chuantou audit verify` fails, naming the entry, when the trail was tampered with.
 */

let graph: Graph;
let dataDir: string;
let trail: AuditTrail;

function chuantou(args: string[], env: NodeJS.ProcessEnv = {}) {
  return runCli(args, { ...testNeo4jEnv(), CHUANTOU_DATA_DIR: dataDir, CHUANTOU_KEY_SECRET: TEST_KEY_SECRET, COLUMNS: '160', ...env });
}

const osUser = `cli:${os.userInfo().username}`;

beforeAll(async () => {
  graph = await freshGraph();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-audit-cli-'));
});
afterAll(async () => {
  await graph.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the command line in the audit trail', () => {
  it('records an import as the OS user from this host, with its arguments, outcome and duration', async () => {
    const file = path.resolve('tests/fixtures/importers/blank/shareholders.csv');
    const imported = await chuantou(['import', '--report', 'json', file]);
    expect(imported.code, imported.stderr).toBe(0);
    // The trail's key was made in the data directory on first use, readable by its owner only.
    expect(fs.statSync(path.join(dataDir, 'audit-key')).mode & 0o777).toBe(0o600);
    trail = new AuditTrail(graph, { key: auditKey(dataDir, {}), checkpointDir: path.join(dataDir, 'audit', 'checkpoints') });
    const [entry] = await trail.list();
    expect(entry).toMatchObject({
      seq: 1,
      actor: { name: osUser, via: 'cli', role: null },
      action: 'import',
      operation: 'import',
      outcome: 'ok',
      address: os.hostname(),
      params: { arguments: { files: [file] }, options: { report: 'json' } },
    });
    expect(entry!.durationMs).toBeGreaterThan(0);
    expect((await trail.verify()).ok).toBe(true);
  }, 120_000);

  it('records a command that failed, with its error code', async () => {
    const failed = await chuantou(['import', '--retract', 'no-such-run']);
    expect(failed.code).toBe(1);
    const [entry] = await trail.list();
    expect(entry).toMatchObject({ seq: 2, actor: { name: osUser }, action: 'retract', outcome: 'failed' });
    expect(entry!.detail).toMatch(/^[A-Z_]+/);
  }, 120_000);

  it('does not record what only works locally (db status)', async () => {
    const status = await chuantou(['db', 'status']);
    expect(status.code, status.stderr).toBe(0);
    expect(await trail.count()).toBe(2);
  }, 120_000);

  it('audit list shows the entries as a table, and reading the trail is itself recorded', async () => {
    const listed = await chuantou(['audit', 'list', '--action', 'import']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toContain('共 1 条，显示 1 条 / 1 entries match, 1 shown');
    expect(listed.stdout).toMatch(new RegExp(`\\|\\s+1 \\| \\S+ \\| ${osUser}`));
    const [entry] = await trail.list();
    expect(entry).toMatchObject({ seq: 3, action: 'audit', operation: 'audit list', outcome: 'ok', resultCount: 1, params: { options: { action: 'import' } } });

    const refused = await chuantou(['audit', 'list', '--action', 'nonsense']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('[AUDIT_FILTER_INVALID]');
  }, 120_000);

  it('audit export writes CSV for Excel (BOM) and JSON lines with the HMACs, readable by the owner only', async () => {
    const csv = path.join(dataDir, 'trail.csv');
    const exported = await chuantou(['audit', 'export', '--format', 'csv', '--out', csv, '--actor', osUser]);
    expect(exported.code, exported.stderr).toBe(0);
    const text = fs.readFileSync(csv, 'utf8');
    expect(text.startsWith('\ufeff序号 seq,')).toBe(true);
    expect(fs.statSync(csv).mode & 0o777).toBe(0o600);
    const jsonl = path.join(dataDir, 'trail.jsonl');
    expect((await chuantou(['audit', 'export', '--format', 'jsonl', '--out', jsonl])).code).toBe(0);
    const lines = fs.readFileSync(jsonl, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.seq)).toEqual([1, 2, 3, 4, 5]);
    expect((await trail.list())[0]).toMatchObject({ action: 'audit', operation: 'audit export', resultCount: 5 });
  }, 120_000);

  it('audit verify exits 0 on an intact chain', async () => {
    const verified = await chuantou(['audit', 'verify']);
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toContain('审计链完整 / the audit chain is intact');
  }, 120_000);

  it('audit verify exits 1 on a tampered chain, naming the first broken entry in Chinese and English', async () => {
    await graph.driver.executeQuery("MATCH (e:AuditEntry {seq: 2}) SET e.outcome = 'ok'");
    const verified = await chuantou(['audit', 'verify']);
    expect(verified.code).toBe(1);
    expect(verified.stderr).toContain('[AUDIT_ENTRY_ALTERED]');
    expect(verified.stderr).toContain('审计记录 #2 的校验值不符');
    expect(verified.stderr).toContain('audit entry #2 does not match its HMAC');
    // The failed check is recorded too, naming what it found.
    expect((await trail.list())[0]).toMatchObject({ action: 'audit', operation: 'audit verify', outcome: 'failed', detail: 'AUDIT_ENTRY_ALTERED' });
  }, 120_000);

  it('refuses to run a recorded command while the key file is open to others', async () => {
    fs.chmodSync(path.join(dataDir, 'audit-key'), 0o644);
    try {
      const refused = await chuantou(['audit', 'list']);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('[AUDIT_KEY_EXPOSED]');
      expect(refused.stdout).toBe('');
    } finally {
      fs.chmodSync(path.join(dataDir, 'audit-key'), 0o600);
    }
  }, 120_000);
});
