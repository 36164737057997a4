import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../cypher/run.ts';
import { runCli } from '../support/cli.ts';
import { freshGraph, TEST_KEY_SECRET, testNeo4jEnv, testNeo4j } from '../support/graph.ts';

/** `chuantou import` as a user runs it: what it counts, what it prints, what it says when the database goes away. */

let graph: Graph;
let dataDir: string;

function chuantou(args: string[], env: NodeJS.ProcessEnv = {}) {
  return runCli(args, { ...testNeo4jEnv(), CHUANTOU_DATA_DIR: dataDir, CHUANTOU_KEY_SECRET: TEST_KEY_SECRET, ...env });
}

beforeAll(async () => {
  graph = await freshGraph();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-import-cli-'));
});
afterAll(async () => {
  await graph.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A TCP relay to the test database that can be cut, as a crash or a network failure would. */
async function relay(uri: string): Promise<{ uri: string; cut: () => void }> {
  const { hostname, port } = new URL(uri.replace(/^\w+:/, 'http:'));
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(port), hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    uri: `bolt://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    cut: () => {
      server.close();
      for (const s of sockets) s.destroy();
    },
  };
}

describe('chuantou import', () => {
  it('skips a row whose every cell is empty and counts it as blank, not as a rejected firm without a name', async () => {
    const file = path.resolve('tests/fixtures/importers/blank/shareholders.csv');
    const json = await chuantou(['import', '--report', 'json', file]);
    expect(json.code).toBe(0);
    const summary = JSON.parse(json.stdout);
    expect(summary.files[0]).toMatchObject({ read: 2, written: 2, rejected: 0, blank: 3 });
    expect(summary.rejectsByCode).toEqual({});

    const table = await chuantou(['import', file], { COLUMNS: '100' });
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('空行');
    const row = table.stdout.split('\n').find((l) => l.includes('shareholders.csv'))!;
    expect(row.split('|').map((c) => c.trim())).toEqual(['', 'shareholders.csv', 'shareholders', '2', '2', '0', '0', '3', 'utf-8', '']);
    // A table for a person: no quoted strings, no escape codes, no table line wider than the terminal (file paths below it are never cut).
    expect(table.stdout).not.toMatch(/'shareholders/);
    expect(table.stdout).not.toContain('\u001b');
    const tableLines = (out: string) => out.split('\n').filter((l) => /^[+|]/.test(l));
    for (const line of tableLines(table.stdout)) expect(stringWidth(line), line).toBeLessThanOrEqual(100);

    // A narrow terminal: cells wrap, columns that cannot fit are named, still no line too wide.
    const narrow = await chuantou(['import', file], { COLUMNS: '60' });
    expect(tableLines(narrow.stdout).length).toBeGreaterThan(4);
    for (const line of tableLines(narrow.stdout)) expect(stringWidth(line), line).toBeLessThanOrEqual(60);
    expect(narrow.stdout).toContain('未显示的列');
    expect(narrow.stdout).toContain('编码 encoding');
  }, 120_000);

  it('when the database goes away mid-import, says in Chinese and English that the run stopped and how to resume it; resumed, the summary counts the whole run', async () => {
    const file = path.join(dataDir, 'many.csv');
    const rows = Array.from({ length: 1500 }, (_, i) => `测试中断${i}号有限公司,股东${i},100%`);
    fs.writeFileSync(file, ['企业名称,股东名称,持股比例', ...rows].join('\n') + '\n');
    const link = await relay(testNeo4j().uri);
    const running = chuantou(['import', '--batch-size', '50', file], { NEO4J_URI: link.uri });
    // Cut the connection once a few batches are in.
    for (let i = 0; i < 600; i++) {
      const { records } = await graph.driver.executeQuery(`MATCH (r:ImportRun {status: 'running'}) RETURN coalesce(max(r.checkpoints[0]), 0) AS done`);
      if (Number(records[0]!.get('done')) > 400) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    link.cut();
    const { code, stderr } = await running;
    expect(code).toBe(1);
    // A lost connection cannot record its own failure: the run is still 'running', for --resume.
    const { records } = await graph.driver.executeQuery(`MATCH (r:ImportRun {status: 'running'}) RETURN r.id AS id, r.checkpoints[0] AS done`);
    expect(records).toHaveLength(1);
    const runId = records[0]!.get('id') as string;
    expect(Number(records[0]!.get('done'))).toBeLessThan(1500);
    expect(stderr).toContain('[IMPORT_INTERRUPTED]');
    expect(stderr).toContain(`与数据库的连接中断，导入批次 ${runId} 已停止`);
    expect(stderr).toContain(`import run ${runId} stopped`);
    expect(stderr).toContain(`npx chuantou import --resume ${runId}`);
    expect(stderr).not.toContain('ServiceUnavailable');

    const resumed = await chuantou(['import', '--resume', runId, '--report', 'json']);
    expect(resumed.code).toBe(0);
    const summary = JSON.parse(resumed.stdout);
    expect(summary.status).toBe('completed');
    expect(summary.files[0]).toMatchObject({ read: 1500, written: 1500, rejected: 0, flagged: 0, blank: 0 });
  }, 300_000);
});
