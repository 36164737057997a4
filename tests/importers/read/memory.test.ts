import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openFile } from '../../../importers/read/source.ts';

const ROWS = 200_000;
let dir: string;
let file: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-read-memory-'));
  file = path.join(dir, 'large.csv');
  // Written a line at a time with backpressure, so building the fixture does not hold it in memory either.
  const out = fs.createWriteStream(file);
  out.write('统一社会信用代码,企业名称,住所,注册资本,成立日期\n');
  for (let i = 0; i < ROWS; i++) {
    if (!out.write(`91320106MA${String(i).padStart(8, '0')},南京某某投资管理有限公司${i},江苏省南京市建邺区某某路${i}号,${i * 10}万元,2015-03-02\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

it('keeps memory flat while streaming a 200k-row CSV through rows()', async () => {
  const opened = await openFile(file);
  const baseline = process.memoryUsage().heapUsed;
  let peak = baseline;
  let count = 0;
  let last = 0;
  for await (const row of opened.tables[0]!.rows()) {
    count++;
    last = row.row;
    if (count % 5_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  expect(count).toBe(ROWS);
  expect(last).toBe(ROWS + 1);
  // The file is ~25 MB of text and its strings would take several times that: growth well below means rows were not kept.
  expect(peak - baseline).toBeLessThan(50 * 1024 * 1024);
});
