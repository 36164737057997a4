import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../cypher/run.ts';
import { envelope as envelopeSchema, type Envelope } from '../../analyses/envelope.ts';
import { runAnalysis } from '../../analyses/index.ts';
import { shippedListTypes } from '../../model/listTypes.ts';
import { runCli } from '../support/cli.ts';
import { freshGraph, TEST_SETTINGS, testNeo4jEnv } from '../support/graph.ts';

/**
 * A case list typed by hand (tests/fixtures/importers/listTypes/README.md) imports through the CLI
 * with its office spellings resolved to canonical types, the spelling kept, an unknown spelling
 * imported and reported with its rows and how to map it; the screens count the canonical types
 * apart, say what they did not count and with which vocabulary version; a spelling mapped later
 * with --list-types counts from the next run on.
 */

const fixtures = path.resolve('tests/fixtures/importers/listTypes');
const file = (name: string) => path.join(fixtures, name);
let graph: Graph;
let workDir: string;

function chuantou(args: string[]) {
  return runCli(args, { ...testNeo4jEnv(), CHUANTOU_DATA_DIR: workDir });
}

async function flaggedControllers(...params: string[]): Promise<Envelope> {
  const { code, stdout, stderr } = await chuantou(['run', 'flagged-controllers', ...params.flatMap((p) => ['--param', p]), '--format', 'json']);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return envelopeSchema.parse(JSON.parse(stdout));
}

const query = async <T>(cypher: string, params: Record<string, unknown> = {}) =>
  (await graph.driver.executeQuery(cypher, params)).records.map((r) => r.toObject() as T);

let importOutput: string;

beforeAll(async () => {
  graph = await freshGraph();
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-list-types-'));
  const { code, stdout, stderr } = await chuantou(['import', file('registrations.csv'), file('shareholders.csv'), file('lists.csv')]);
  expect(code, stderr).toBe(0);
  importOutput = stdout;
}, 180_000);
afterAll(async () => {
  await graph.close();
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe('a case list in office spellings, through the CLI', () => {
  it('stores the canonical type and its code, and keeps the spelling as written', async () => {
    const entries = await query<{ firm: string; listType: string; code: string | null; text: string }>(
      `MATCH (c:Company)-[:FLAGGED]->(l:ListEntry) RETURN c.name AS firm, l.listType AS listType, l.listTypeCode AS code, l.listTypeText AS text ORDER BY c.key, l.listType`,
    );
    expect(entries).toEqual([
      { firm: '测试名单甲有限公司', listType: '经营异常名录', code: 'ABNORMAL_OPERATIONS', text: '经营异常' },
      { firm: '测试名单甲有限公司', listType: '非法集资案件', code: 'ILLEGAL_FUNDRAISING_CASE', text: '非法集资立案' },
      { firm: '测试名单乙有限公司', listType: '非法集资案件', code: 'ILLEGAL_FUNDRAISING_CASE', text: '涉嫌 非法集资' },
      { firm: '测试名单丙有限公司', listType: '取缔类', code: 'BANNED', text: '取缔' },
      { firm: '测试名单丁有限公司', listType: '整改类', code: 'RECTIFICATION', text: '清理整顿' },
      { firm: '测试名单戊有限公司', listType: '经侦在办', code: null, text: '经侦在办' },
      { firm: '测试名单己有限公司', listType: '经侦在办', code: null, text: '经侦在办' },
    ]);
  });

  it('imports an unknown spelling, flags each row LIST_TYPE_UNKNOWN and lists it in the report with its rows and how to map it', async () => {
    const reportFile = /报告 \/ report: (.+)/.exec(importOutput)![1]!.trim();
    const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
    expect(report.status).toBe('completed');
    expect(report.rejectsByCode).toEqual({ LIST_TYPE_UNKNOWN: 2 });
    expect(report.files.find((f: { kind: string }) => f.kind === 'lists')).toMatchObject({ read: 7, written: 7, rejected: 0, flagged: 2 });
    expect(report.listTypes).toMatchObject({
      vocabularyVersion: shippedListTypes.version,
      vocabularySource: 'shipped',
      unknown: [{ spelling: '经侦在办', rows: 2, hint: expect.stringContaining('--list-types') }],
    });
    const rejects = fs.readFileSync(report.rejectsFile, 'utf8');
    expect(rejects.split('\n').filter((l) => l.includes('LIST_TYPE_UNKNOWN') && l.includes('经侦在办'))).toHaveLength(2);
    // The summary a person reads says it too.
    expect(importOutput).toContain('LIST_TYPE_UNKNOWN');
    expect(importOutput).toMatch(/经侦在办.*2 行/);
  });

  let env: Envelope;

  it('flagged-controllers finds the controller behind firms listed as 非法集资立案, 涉嫌非法集资 and 取缔, counting the types apart', async () => {
    env = await flaggedControllers();
    expect(env.findings.map((f) => f.subject.name)).toEqual(['赵控']);
    expect(env.findings[0]!.facts).toMatchObject({ flaggedFirms: 3, cases: 3, listTypes: ['取缔类', '非法集资案件'].sort(), totalAmountWan: 1800, victims: 90 });
    expect(env.params.listTypes).toEqual(['非法集资案件', '取缔类', '整改类', '违规交易场所', '微盘平台', '举报线索']);
    expect(env.listTypes!.counted).toEqual([
      { listType: '非法集资案件', code: 'ILLEGAL_FUNDRAISING_CASE', entries: 2, flags: 2 },
      { listType: '取缔类', code: 'BANNED', entries: 1, flags: 1 },
      { listType: '整改类', code: 'RECTIFICATION', entries: 1, flags: 1 },
    ]);
  });

  it('says which list types in the data it did not count, and which vocabulary version it used', () => {
    expect(env.listTypes).toMatchObject({ vocabularyVersion: shippedListTypes.version, vocabularySource: 'shipped' });
    expect(env.listTypes!.notCounted).toEqual([
      { listType: '经侦在办', code: null, meaning: 'unknown', spellings: ['经侦在办'], entries: 2, flags: 2 },
      { listType: '经营异常名录', code: 'ABNORMAL_OPERATIONS', meaning: 'context', spellings: ['经营异常'], entries: 1, flags: 1 },
    ]);
  });

  it('takes list types by code or any spelling, and refuses one neither the vocabulary nor the data knows', async () => {
    const env = await runAnalysis(graph, 'flagged-controllers', { listTypes: '涉嫌非法集资,BANNED', minFirms: 1 }, TEST_SETTINGS);
    expect(env.params.listTypes).toEqual(['非法集资案件', '取缔类']);
    expect(env.findings.map((f) => [f.subject.name, f.score])).toEqual([['赵控', 3]]);
    // A stored spelling the vocabulary does not know can still be asked for as it is written.
    const asWritten = await runAnalysis(graph, 'flagged-controllers', { listTypes: '经侦在办', minFirms: 2 }, TEST_SETTINGS);
    expect(asWritten.findings.map((f) => [f.subject.name, f.score])).toEqual([['钱控', 2]]);
    await expect(runAnalysis(graph, 'flagged-controllers', { listTypes: '没有这种名单' }, TEST_SETTINGS)).rejects.toMatchObject({ code: 'BAD_PARAMS' });
  });
});

describe('extending the vocabulary with --list-types', () => {
  it('refuses a file that would make 清理整顿 mean 取缔类, and writes nothing', async () => {
    const { code, stderr } = await chuantou(['import', '--list-types', file('conflict.csv')]);
    expect(code).toBe(1);
    expect(stderr).toContain('[LIST_TYPE_CONFLICT]');
    expect(stderr).toContain('RECTIFICATION');
    expect(await query(`MATCH (v:Vocabulary) RETURN v.version AS version`)).toEqual([]);
  });

  it('maps the unknown spelling, so the next run counts the rows already imported; the version goes up', async () => {
    const { code, stdout } = await chuantou(['import', '--list-types', file('list-types.csv')]);
    expect(code).toBe(0);
    expect(stdout).toContain(`version ${shippedListTypes.version + 1}`);
    const env = await flaggedControllers();
    // Ranked by count, then amount: 赵控's cases 1800万, 钱控's 500万.
    expect(env.findings.map((f) => [f.subject.name, f.score])).toEqual([
      ['赵控', 3],
      ['钱控', 3],
    ]);
    expect(env.listTypes).toMatchObject({ vocabularyVersion: shippedListTypes.version + 1, vocabularySource: 'database' });
    expect(env.listTypes!.counted[0]).toEqual({ listType: '非法集资案件', code: 'ILLEGAL_FUNDRAISING_CASE', entries: 4, flags: 4 });
    expect(env.listTypes!.notCounted.map((n) => n.listType)).toEqual(['经营异常名录']);
    // The same file again changes nothing.
    await chuantou(['import', '--list-types', file('list-types.csv')]);
    expect(await query(`MATCH (v:Vocabulary {name: 'listTypes'}) RETURN toString(v.version) AS version`)).toEqual([{ version: String(shippedListTypes.version + 1) }]);
  });

  it('maps spellings of the same run before its rows are read (JSON file, a new context type)', async () => {
    const { code, stdout } = await chuantou(['import', '--list-types', file('more.json'), '--report', 'json', file('lists-more.csv')]);
    expect(code).toBe(0);
    const summary = JSON.parse(stdout);
    expect(summary.listTypes).toMatchObject({ vocabularyVersion: shippedListTypes.version + 2, vocabularySource: 'database', unknown: [] });
    const entries = await query<{ listType: string; code: string; text: string }>(
      `MATCH (:Company {key: '91320100MA1LT00071'})-[:FLAGGED]->(l:ListEntry) RETURN l.listType AS listType, l.listTypeCode AS code, l.listTypeText AS text ORDER BY code`,
    );
    expect(entries).toEqual([
      { listType: '非法集资案件', code: 'ILLEGAL_FUNDRAISING_CASE', text: '在办案件' },
      { listType: '重点关注', code: 'KEY_CONCERN', text: '重点关注对象' },
    ]);
    const env = await flaggedControllers();
    expect(env.findings.find((f) => f.subject.name === '钱控')!.score).toBe(4);
    expect(env.listTypes!.notCounted.map((n) => [n.listType, n.meaning])).toEqual([
      ['经营异常名录', 'context'],
      ['重点关注', 'context'],
    ]);
  });
});
