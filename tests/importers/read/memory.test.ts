import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openFile } from '../../../importers/read/source.ts';

const ROWS = 200_000;

/**
 * heapUsed alone also counts garbage V8 has not collected yet (tens of MB while streaming), which
 * would hide rows being kept: a collection before each sample measures what is still alive.
 */
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

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
  collectGarbage();
  const baseline = process.memoryUsage().heapUsed;
  let peak = baseline;
  let count = 0;
  let last = 0;
  for await (const row of opened.tables[0]!.rows()) {
    count++;
    last = row.row;
    if (count % 20_000 === 0) {
      collectGarbage();
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
  }
  expect(count).toBe(ROWS);
  expect(last).toBe(ROWS + 1);
  // Keeping the rows would hold ~90 MB of the file's 26 MB of text; streaming holds next to nothing.
  expect(peak - baseline).toBeLessThan(50 * 1024 * 1024);
});
