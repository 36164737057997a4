import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../../cypher/run.ts';
import { importFiles } from '../../../importers/importFiles.ts';
import { runCli } from '../../support/cli.ts';
import { freshGraph, TEST_KEY_SECRET, testNeo4jEnv } from '../../support/graph.ts';

/**
 * A shareholder or officer file declared a snapshot as of a day ends, for each firm it lists, the
 * holdings and roles it no longer lists (validTo = the day, each ending in the run's report); firms
 * it does not list are untouched; retracting the run reopens what it ended.
 */

const fixtures = path.resolve('tests/fixtures/importers/snapshots');
const YI = '91320106MA1X000202';
const BING = '91320102MA1X000309';
let graph: Graph;
let dataDir: string;

function chuantou(args: string[]) {
  return runCli(args, { ...testNeo4jEnv(), CHUANTOU_DATA_DIR: dataDir, CHUANTOU_KEY_SECRET: TEST_KEY_SECRET });
}

async function importJson(args: string[]) {
  const { code, stdout, stderr } = await chuantou(['import', '--report', 'json', ...args]);
  expect(stderr.replace(/^.*行\/秒.*$/gm, '').trim()).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout) as { runId: string; inferredByCode: Record<string, number>; rejectsFile: string | null };
}

interface Tie {
  firm: string;
  name: string;
  type: string;
  role: string | null;
  validTo: string | null;
  closedBy: string | null;
}

/** Every holding and office of the two firms, ended or not. */
async function ties(): Promise<Tie[]> {
  const { records } = await graph.driver.executeQuery(
    `MATCH (p)-[r:HOLDS_SHARES|OFFICER_OF|LEGAL_REPRESENTATIVE_OF]->(c:Company)
     RETURN c.key AS firm, p.name AS name, type(r) AS type, r.role AS role, toString(r.validTo) AS validTo, r.closedBy AS closedBy
     ORDER BY firm, type, name, role`,
  );
  return records.map((r) => r.toObject() as Tie);
}

const ended = (all: Tie[]) => all.filter((t) => t.validTo !== null).map((t) => `${t.firm} ${t.name} ${t.type}${t.role ? ` ${t.role}` : ''} ${t.validTo}`).sort();

async function ownersOf(firm: string, asOf?: string): Promise<string[]> {
  const { code, stdout } = await chuantou(['run', 'beneficial-owners', '--param', `firm=${firm}`, ...(asOf ? ['--param', `asOf=${asOf}`] : []), '--format', 'json']);
  expect(code).toBe(0);
  return (JSON.parse(stdout) as { findings: { subject: { name: string } }[] }).findings.map((f) => f.subject.name).sort();
}

let shareholdersRun: string;
let officersRun: string;
let before: Tie[];

beforeAll(async () => {
  graph = await freshGraph();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-snapshots-'));
  await importFiles({ graph, files: ['shareholders-2023.csv', 'officers-2023.csv'].map((f) => path.join(fixtures, f)), reportDir: path.join(dataDir, 'imports'), secret: TEST_KEY_SECRET });
  before = await ties();
  shareholdersRun = (await importJson(['--snapshot', '2024-06-30', path.join(fixtures, 'shareholders-2024.csv')])).runId;
  officersRun = (await importJson([path.join(fixtures, 'officers-2024.csv')])).runId;
}, 300_000);
afterAll(async () => {
  await graph.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('a snapshot ends what it no longer lists', () => {
  it('ends the holding, the role and the legal representative the firm’s snapshot does not repeat, at its date, and nothing of a firm it does not list', async () => {
    expect(ended(before)).toEqual([]);
    const after = await ties();
    expect(ended(after)).toEqual([
      `${YI} 李四 LEGAL_REPRESENTATIVE_OF 2024-06-30`,
      `${YI} 李四 OFFICER_OF 总经理 2024-06-30`,
      `${YI} 赵六 OFFICER_OF 监事 2024-06-30`,
      `${YI} 王五 HOLDS_SHARES 2024-06-30`,
    ].sort());
    // Each ending names the run that made it; 丙 (in no 2024 file) keeps everything it had.
    expect(after.filter((t) => t.validTo).map((t) => t.closedBy)).toEqual(expect.arrayContaining([shareholdersRun, officersRun]));
    expect(after.filter((t) => t.firm === BING)).toEqual(before.filter((t) => t.firm === BING));
    // What the snapshot repeats stays open: 李四 is still 执行董事, 甲 still holds 60%.
    expect(after.find((t) => t.name === '李四' && t.role === '执行董事')!.validTo).toBeNull();
    expect(after.find((t) => t.name === '南京甲控股有限公司' && t.firm === YI)!.validTo).toBeNull();
  });

  it('lists every ending in the run’s report with the firm, the holder or role and the date', async () => {
    const rejects = fs.readFileSync(path.join(dataDir, 'imports', shareholdersRun, 'rejects.csv'), 'utf8');
    const line = rejects.split('\n').find((l) => l.includes('SNAPSHOT_CLOSED'))!;
    expect(line).toContain('王五');
    expect(line).toContain(`南京乙投资管理有限公司（${YI}）`);
    expect(line).toContain('2024-06-30');
    const report = JSON.parse(fs.readFileSync(path.join(dataDir, 'imports', officersRun, 'report.json'), 'utf8'));
    expect(report.inferredByCode).toMatchObject({ SNAPSHOT_CLOSED: 3 });
  });

  it('beneficial owners as of a day after the snapshot no longer show the holder it ended; before it they do', async () => {
    expect(await ownersOf(YI, '2024-06-29')).toContain('王五');
    expect(await ownersOf(YI, '2024-07-01')).not.toContain('王五');
    expect(await ownersOf(YI, '2024-07-01')).toContain('孙七');
    expect(await ownersOf(YI)).not.toContain('王五');
  }, 120_000);

  it('retracting the snapshot run reopens what it ended and removes what only it asserted', async () => {
    const { code } = await chuantou(['import', '--retract', shareholdersRun]);
    expect(code).toBe(0);
    const after = await ties();
    const wang = after.find((t) => t.name === '王五')!;
    expect(wang).toMatchObject({ validTo: null, closedBy: null });
    expect(after.some((t) => t.name === '孙七')).toBe(false);
    // The officers run's endings are its own and stay.
    expect(ended(after)).toHaveLength(3);
  });

  it('refuses a snapshot date that is no day, before connecting or writing anything', async () => {
    const { code, stderr } = await chuantou(['import', '--snapshot', '2024-02-30', path.join(fixtures, 'shareholders-2024.csv')]);
    expect(code).toBe(1);
    expect(stderr).toContain('[SNAPSHOT_DATE_INVALID]');
    expect(stderr).toContain('2024-06-30');
    await expect(importFiles({ graph, files: [path.join(fixtures, 'shareholders-2024.csv')], reportDir: dataDir, secret: TEST_KEY_SECRET, snapshot: 'June' })).rejects.toMatchObject({
      code: 'SNAPSHOT_DATE_INVALID',
    });
  });
});
