import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../cypher/run.ts';
import { importFiles, resumeImport, retractImport } from '../../importers/importFiles.ts';
import { usccCheckChar } from '../../model/identifiers/uscc.ts';
import { freshGraph, TEST_KEY_SECRET, testNeo4jEnv } from '../support/graph.ts';

/** Import runs: value history, dry runs, interrupted runs resumed, runs retracted. */

const fixtures = path.resolve('tests/fixtures/importers');
let graph: Graph;
let tmp: string;

async function query<T = Record<string, unknown>>(cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const result = await graph.driver.executeQuery(cypher, params, { routing: 'READ' });
  return result.records.map((r) => {
    const o = r.toObject() as Record<string, unknown>;
    for (const [k, v] of Object.entries(o)) if (v && typeof v === 'object' && 'low' in v) o[k] = Number(v as never);
    return o as T;
  });
}
const count = async (cypher: string, params: Record<string, unknown> = {}) => Number(Object.values((await query(cypher, params))[0]!)[0]);

function importOf(files: string[], extra: Partial<Parameters<typeof importFiles>[0]> = {}) {
  return importFiles({ graph, files, reportDir: tmp, secret: TEST_KEY_SECRET, user: 'test', ...extra });
}

/** A registrations file of n firms, every 97th row with a broken USCC. */
function bigRegistrations(file: string, n: number): void {
  const lines = ['统一社会信用代码,企业名称,登记状态,法定代表人,注册资本,住所'];
  for (let i = 0; i < n; i++) {
    const first17 = `9132010${String(i).padStart(7, '0')}MA0`.slice(0, 17);
    const check = usccCheckChar(first17)!;
    const code = i % 97 === 0 ? first17 + (check === '0' ? '1' : '0') : first17 + check;
    lines.push(`${code},南京测试${i}号有限公司,存续,测试人${i},${100 + i}万元,南京市鼓楼区测试路${i}号`);
  }
  fs.writeFileSync(file, lines.join('\n') + '\n');
}

beforeAll(async () => {
  graph = await freshGraph();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-runs-'));
});
afterAll(async () => {
  await graph.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('import runs', () => {
  it('a later import’s differing value becomes current and the earlier one is kept as history with its source', async () => {
    const first = await importOf([path.join(fixtures, 'registrations.csv')]);
    const second = await importOf([path.join(fixtures, 'registrations-update.csv')]);
    const [firm] = await query(`MATCH (c:Company {key: '91320106MA1X000101'}) RETURN c.status AS status, c.registeredCapitalWan AS capital`);
    expect(firm).toEqual({ status: '吊销', capital: 2000 });
    const history = await query(
      `MATCH (:Company {key: '91320106MA1X000101'})-[:HAD_VALUE]->(v:PriorValue) RETURN v.property AS property, v.value AS value, v.assertedBy AS by, v.replacedBy AS replacedBy ORDER BY property`,
    );
    expect(history).toEqual([
      { property: 'registeredCapitalText', value: '1000万元人民币', by: [`${first.runId}/1:2`], replacedBy: `${second.runId}/1:2` },
      { property: 'registeredCapitalWan', value: 1000, by: [`${first.runId}/1:2`], replacedBy: `${second.runId}/1:2` },
      { property: 'status', value: '存续', by: [`${first.runId}/1:2`], replacedBy: `${second.runId}/1:2` },
    ]);
    // The same phone written two ways is one shared node.
    expect(await count(`MATCH (p:Phone {key: '02588886666'})<-[:HAS_PHONE]-(c:Company) RETURN count(c)`)).toBe(2);
    expect(second.rejectsByCode).toEqual({ USCC_MALFORMED: 1, FIRM_NAME_MISSING: 1 });
  });

  it('retracting a run restores the values it replaced and removes what only it asserted', async () => {
    const runs = await query<{ id: string }>(`MATCH (r:ImportRun) RETURN r.id AS id ORDER BY r.startedAt`);
    const second = runs[1]!.id;
    await retractImport(graph, second, 'tester');
    const [firm] = await query(`MATCH (c:Company {key: '91320106MA1X000101'}) RETURN c.status AS status, c.registeredCapitalWan AS capital`);
    expect(firm).toEqual({ status: '存续', capital: 1000 });
    expect(await count(`MATCH (v:PriorValue) RETURN count(v)`)).toBe(0);
    expect(await count(`MATCH (p:Phone) RETURN count(p)`)).toBe(0);
    expect(await count(`MATCH (n) WHERE any(e IN n.provenance WHERE e STARTS WITH $p) RETURN count(n)`, { p: `${second}/` })).toBe(0);
    expect(await query(`MATCH (r:ImportRun {id: $id}) RETURN r.status AS status, r.retractedBy AS by`, { id: second })).toEqual([{ status: 'retracted', by: 'tester' }]);
    // The firms the first run registered are still there.
    expect(await count(`MATCH (c:Company) RETURN count(c)`)).toBe(3);
  });

  it('retracting the only run that asserted the graph leaves nothing but the run records', async () => {
    const [first] = await query<{ id: string }>(`MATCH (r:ImportRun {status: 'completed'}) RETURN r.id AS id`);
    await retractImport(graph, first!.id);
    // Regions are reference data (GB/T 2260), not asserted by a run; the model version is the store's.
    expect(await count(`MATCH (n) WHERE NOT n:ImportRun AND NOT n:Region AND NOT n:ModelVersion RETURN count(n)`)).toBe(0);
  });

  it('a dry run validates and reports but writes nothing, not even a run', async () => {
    const summary = await importOf([path.join(fixtures, 'registrations.csv')], { dryRun: true });
    expect(summary.status).toBe('dry-run');
    expect(summary.files[0]).toMatchObject({ read: 4, written: 3, rejected: 1 });
    expect(await count(`MATCH (n) WHERE (NOT n:ImportRun AND NOT n:Region AND NOT n:ModelVersion) OR n.status = 'dry-run' RETURN count(n)`)).toBe(0);
  });

  it('a run that fails mid-way (lost connection) is resumed: no row lost, no duplicate provenance or reject', async () => {
    await graph.writeInBatches('admin/deleteAll');
    const file = path.join(tmp, 'big.csv');
    bigRegistrations(file, 3000);
    let batches = 0;
    const failed = await importOf([file], {
      batchSize: 250,
      onProgress: () => {
        if (++batches === 5) throw new Error('connection lost (simulated)');
      },
    }).catch((e: Error & { summary: { runId: string } }) => e.summary);
    const [run] = await query<{ status: string; checkpoints: number[] }>(`MATCH (r:ImportRun {id: $id}) RETURN r.status AS status, r.checkpoints AS checkpoints`, { id: failed.runId });
    expect(run!.status).toBe('failed');
    expect(Number(run!.checkpoints[0])).toBe(1251);

    const resumed = await resumeImport({ graph, runId: failed.runId, reportDir: tmp, secret: TEST_KEY_SECRET, batchSize: 250 });
    expect(resumed.status).toBe('completed');
    expect(resumed.files[0]).toMatchObject({ read: 3000, rejected: 31, written: 2969 });
    expect(await count(`MATCH (c:Company) RETURN count(c)`)).toBe(2969);
    expect(await count(`MATCH (c:Company) WHERE size(c.provenance) <> 1 RETURN count(c)`)).toBe(0);
    const rejectLines = fs.readFileSync(resumed.rejectsFile!, 'utf8').trim().split('\n').slice(1);
    expect(rejectLines).toHaveLength(31);
    expect(new Set(rejectLines).size).toBe(31);
  });

  it('a killed import process is resumed from its last checkpoint to the same result, its summary counting the whole run', async () => {
    await graph.writeInBatches('admin/deleteAll');
    const file = path.join(tmp, 'big2.csv');
    bigRegistrations(file, 6000);
    // Given before the registrations, imported after them: the run's parts are not in the order of its files.
    const officers = path.join(fixtures, 'officers.csv');
    const child = spawn(process.execPath, ['bin/chuantou.mjs', 'import', '--batch-size', '100', '--report', 'json', officers, file], {
      env: { ...process.env, ...testNeo4jEnv(), CHUANTOU_DATA_DIR: tmp, CHUANTOU_KEY_SECRET: TEST_KEY_SECRET },
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // Kill it once a few batches are in, as a power cut or `kill -9` would.
    for (let i = 0; i < 600; i++) {
      const done = await count(`MATCH (r:ImportRun) RETURN coalesce(max(r.checkpoints[0]), 0)`);
      if (done > 600) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    child.kill('SIGKILL');
    await exited;
    const [run] = await query<{ id: string; status: string; checkpoint: number }>(`MATCH (r:ImportRun) RETURN r.id AS id, r.status AS status, r.checkpoints[0] AS checkpoint`);
    expect(run!.status).toBe('running');
    expect(run!.checkpoint).toBeGreaterThan(600);
    expect(run!.checkpoint).toBeLessThan(6001);

    // The resumed run keeps writing to the rejects file the killed process started.
    const resumed = await resumeImport({ graph, runId: run!.id, reportDir: path.join(tmp, 'elsewhere'), secret: TEST_KEY_SECRET });
    expect(resumed.rejectsFile).toBe(path.join(tmp, 'imports', run!.id, 'rejects.csv'));
    expect(resumed.files.map((f) => [path.basename(f.file), f.read, f.written, f.rejected])).toEqual([
      ['big2.csv', 6000, 5938, 62],
      ['officers.csv', 4, 3, 1],
    ]);
    // Each file keeps the number it had in the run: no row is imported again under another.
    // (But 南京乙, which two officers' rows name.)
    expect(await count(`MATCH (c:Company) WHERE size(c.provenance) <> 1 RETURN count(c)`)).toBe(1);
    // The officers name two firms the registrations do not, and three persons.
    expect(await count(`MATCH (c:Company) RETURN count(c)`)).toBe(5938 + 2);
    expect(await count(`MATCH (p:Person) RETURN count(p)`)).toBe(5938 + 3);
    expect(await count(`MATCH ()-[l:LEGAL_REPRESENTATIVE_OF]->() WHERE size(l.provenance) <> 1 RETURN count(l)`)).toBe(0);
    const rejectLines = fs.readFileSync(resumed.rejectsFile!, 'utf8').trim().split('\n').slice(1);
    expect(new Set(rejectLines).size).toBe(63);
    expect(rejectLines).toHaveLength(63);
  }, 180_000);

  it('refuses to resume a run whose file changed since', async () => {
    const [run] = await query<{ id: string }>(`MATCH (r:ImportRun) RETURN r.id AS id`);
    await graph.driver.executeQuery(`MATCH (r:ImportRun {id: $id}) SET r.status = 'failed'`, { id: run!.id });
    fs.appendFileSync(path.join(tmp, 'big2.csv'), '91320106MA1X000101,追加有限公司,存续,,,\n');
    await expect(resumeImport({ graph, runId: run!.id, reportDir: tmp, secret: TEST_KEY_SECRET })).rejects.toMatchObject({ code: 'RUN_FILE_CHANGED' });
  });
});

describe('rows for one firm in one batch', () => {
  it('two registrations of one firm in the same batch keep the first one’s value as history', async () => {
    await graph.writeInBatches('admin/deleteAll');
    const file = path.join(tmp, 'twice.csv');
    fs.writeFileSync(file, '统一社会信用代码,企业名称,登记状态\n91320106MA1X000101,南京甲控股有限公司,存续\n91320106MA1X000101,南京甲控股有限公司,吊销\n');
    await importOf([file]);
    const history = await query(`MATCH (c:Company)-[:HAD_VALUE]->(v:PriorValue) RETURN c.status AS now, v.value AS before`);
    expect(history).toEqual([{ now: '吊销', before: '存续' }]);
  });
});

describe('a holding’s ratio replaced by a later run', () => {
  const firm = '91320106MA1X000202';
  const header = '企业统一社会信用代码,企业名称,股东名称,股东类型,股东证照号码,持股比例\n';
  const holdingFile = (name: string, ratio: string) => {
    const file = path.join(tmp, name);
    fs.writeFileSync(file, `${header}${firm},南京乙投资管理有限公司,王五,自然人股东,320106198001015678,${ratio}\n`);
    return file;
  };
  const ratio = async () =>
    (await query<{ ratio: number; text: string; ambiguous: boolean | null }>(
      `MATCH (:Person)-[s:HOLDS_SHARES]->(:Company {key: $firm}) RETURN s.ratio AS ratio, s.ratioText AS text, s.ratioAmbiguous AS ambiguous`,
      { firm },
    ))[0];
  const runIds = async () => (await query<{ id: string }>(`MATCH (r:ImportRun) RETURN r.id AS id ORDER BY r.startedAt`)).map((r) => r.id);

  it('retracting the run that raised a share from 80% to 90% brings 80% back, with the first reading’s markers', async () => {
    await graph.writeInBatches('admin/deleteAll');
    await importOf([holdingFile('first.csv', '80%')]);
    await importOf([holdingFile('raise.csv', '0.9')]);
    expect(await ratio()).toMatchObject({ ratio: 0.9, text: '0.9' });
    const history = await query(`MATCH (:Company {key: $firm})-[:HAD_VALUE]->(v:PriorValue {property: 'ratio'}) RETURN v.value AS value, v.holder IS NOT NULL AS ofHolding`, { firm });
    expect(history).toEqual([{ value: 0.8, ofHolding: true }]);
    const [, raise] = await runIds();
    await retractImport(graph, raise!, 'tester');
    expect(await ratio()).toEqual({ ratio: 0.8, text: '80%', ambiguous: null });
    expect(await count(`MATCH (v:PriorValue) RETURN count(v)`)).toBe(0);
    // The firm's own properties are not touched by the holding's history.
    expect(await count(`MATCH (c:Company {key: $firm}) WHERE c.ratio IS NOT NULL OR c.ratioText IS NOT NULL RETURN count(c)`, { firm })).toBe(0);
  });

  it('retracting a run whose value a later run replaced keeps the later value, and retracting that one then brings the first back', async () => {
    await graph.writeInBatches('admin/deleteAll');
    await importOf([holdingFile('a.csv', '80%')]);
    await importOf([holdingFile('b.csv', '90%')]);
    await importOf([holdingFile('c.csv', '70%')]);
    const [, b, c] = await runIds();
    await retractImport(graph, b!, 'tester');
    expect(await ratio()).toMatchObject({ ratio: 0.7, text: '70%' });
    await retractImport(graph, c!, 'tester');
    expect(await ratio()).toMatchObject({ ratio: 0.8, text: '80%' });
  });
});
