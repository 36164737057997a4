import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../../cypher/run.ts';
import type { ImportSummary } from '../../../importers/importFiles.ts';
import { decideFirm, type FirmState, type HoldingState } from '../../../importers/passes/ratios.ts';
import { decideRatioConvention } from '../../../importers/kinds/shareholders.ts';
import { freshGraph, testNeo4jEnv } from '../../support/graph.ts';
import { runCli } from '../../support/cli.ts';

/**
 * Ratios a row cannot settle, settled by the firm's holdings and said so: a bare `0.4` beside
 * `60%`, holdings over 100%, holdings given only by subscribed amounts, in either file order
 * (tests/fixtures/importers/ratios/README.md). Imported and analysed through the CLI.
 */

const fixtures = path.resolve('tests/fixtures/importers/ratios');
let graph: Graph;
let workDir: string;

function chuantou(args: string[]) {
  return runCli(args, { ...testNeo4jEnv(), CHUANTOU_DATA_DIR: workDir });
}

async function importCli(...files: string[]): Promise<ImportSummary> {
  const { code, stdout, stderr } = await chuantou(['import', '--report', 'json', ...files.map((f) => path.join(fixtures, f))]);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout) as ImportSummary;
}

/** The run's rejects file as {code, value, detail, file, row} rows. */
function findings(summary: ImportSummary) {
  const records: string[][] = parseCsv(fs.readFileSync(summary.rejectsFile!, 'utf8'), { bom: true, relax_column_count: true });
  return records.slice(1).map((r) => ({ file: r[0], row: Number(r[2]), column: r[3], value: r[4], code: r[5], action: r[6], detail: r[9] }));
}

/** Who beneficial-owners finds meeting a rule (threshold, control or the senior-manager fallback), largest first. */
async function owners(firm: string): Promise<{ name: string; ratio: number; rules: string[] }[]> {
  const { code, stdout } = await chuantou(['run', 'beneficial-owners', '--param', `firm=${firm}`, '--format', 'json']);
  expect(code).toBe(0);
  const env = JSON.parse(stdout) as { findings: { subject: { name: string }; facts: { effectiveRatio: number; rulesMet: string[] } }[] };
  return env.findings
    .filter((f) => f.facts.rulesMet.length > 0)
    .map((f) => ({ name: f.subject.name, ratio: f.facts.effectiveRatio, rules: f.facts.rulesMet }))
    .sort((a, b) => b.ratio - a.ratio);
}

async function holdings(firm: string): Promise<Record<string, Record<string, unknown>>> {
  const { records } = await graph.driver.executeQuery(
    'MATCH (h)-[s:HOLDS_SHARES]->(:Company {key: $firm}) RETURN h.name AS holder, properties(s) AS s',
    { firm },
    { routing: 'READ' },
  );
  return Object.fromEntries(records.map((r) => {
    const { provenance: _, ...props } = r.get('s') as Record<string, unknown>;
    return [r.get('holder') as string, props];
  }));
}

beforeAll(async () => {
  graph = await freshGraph();
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-ratios-'));
});
afterAll(async () => {
  await graph.close();
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe('an ambiguous ratio is decided by the firm’s holdings', () => {
  it('a bare 0.4 beside 60% reads as 40%, is listed with its reason, and its holder is a beneficial owner', async () => {
    const summary = await importCli('firm-sum.csv');
    expect(summary.inferredByCode).toEqual({ RATIO_AMBIGUOUS: 2 });
    expect(summary.rejectsByCode).toEqual({});
    const report = JSON.parse(fs.readFileSync(summary.reportFile, 'utf8')) as ImportSummary;
    expect(report.inferredByCode).toEqual({ RATIO_AMBIGUOUS: 2 });

    const listed = findings(summary);
    expect(listed).toEqual([
      expect.objectContaining({ file: 'firm-sum.csv', row: 3, column: 'ratio', value: '0.4', code: 'RATIO_AMBIGUOUS', action: '推断/inferred' }),
      expect.objectContaining({ file: 'firm-sum.csv', row: 5, column: 'ratio', value: '0.2', code: 'RATIO_AMBIGUOUS' }),
    ]);
    expect(listed[0]!.detail).toBe('读作 40%：该企业其余股东合计 60%，合计 100% / read as 40%: the firm\'s other holders sum to 60%, making 100%');
    expect(listed[1]!.detail).toContain('读作 20%：该企业其余股东合计 80%');

    const jia = await holdings('91320100MA1RA0001F');
    expect(jia['李二']).toMatchObject({ ratio: 0.4, ratioText: '0.4', ratioAmbiguous: true, ratioByConvention: 0.004, ratioAlt: 0.4, ratioConvention: 'column', ratioBasis: 'firm-sum' });
    expect(jia['王一']).toEqual({ ratio: 0.6, ratioText: '60%', holderType: '自然人股东' });

    const found = await owners('91320100MA1RA0001F');
    expect(found.map((o) => o.name)).toEqual(['王一', '李二']);
    expect(found[1]!.ratio).toBeCloseTo(0.4, 12);
  }, 120_000);

  it('where neither reading makes 100%, the column’s convention stands and the row is listed saying so', async () => {
    const summary = await importCli('undecided.csv');
    expect(summary.inferredByCode).toEqual({ RATIO_AMBIGUOUS: 1 });
    const [row] = findings(summary);
    expect(row).toMatchObject({ row: 3, value: '0.3', code: 'RATIO_AMBIGUOUS' });
    expect(row!.detail).toBe(
      '按本列惯例读作 0.3%：两种读法都不能使该企业持股合计 100%（读作 0.3% 合计 50.3%，读作 30% 合计 80%） / read as 0.3% by the column\'s convention: neither reading makes the firm\'s holdings 100% (50.3% as 0.3%, 80% as 30%)',
    );
    const bing = await holdings('91320100MA1RA0003M');
    expect(bing['吴六']).toMatchObject({ ratio: 0.003, ratioAmbiguous: true, ratioAlt: 0.3, ratioBasis: 'column' });
  }, 120_000);

  it('a holder named by a later file decides an earlier ambiguous ratio, and retracting that file undoes the decision', async () => {
    const wu = '91320100MA1RA00085';
    const first = await importCli('alone.csv');
    expect(first.inferredByCode).toEqual({ RATIO_AMBIGUOUS: 1 });
    expect((await holdings(wu))['钱一']).toMatchObject({ ratio: 0.003, ratioBasis: 'column' });

    const later = await importCli('later-holder.csv');
    // The earlier run's row, read again: listed in this run's report under that run's file.
    expect(findings(later)).toEqual([
      expect.objectContaining({ file: `${first.runId}/1`, row: 2, value: '0.3', code: 'RATIO_AMBIGUOUS', detail: expect.stringContaining('读作 30%：该企业其余股东合计 70%') }),
    ]);
    expect((await holdings(wu))['钱一']).toMatchObject({ ratio: 0.3, ratioBasis: 'firm-sum' });

    const { code, stdout } = await chuantou(['import', '--retract', later.runId]);
    expect(code).toBe(0);
    expect(stdout).toContain('重新判断 / decided again: RATIO_AMBIGUOUS 0.3 — 按本列惯例读作 0.3%');
    expect((await holdings(wu))['钱一']).toMatchObject({ ratio: 0.003, ratioBasis: 'column' });
  }, 180_000);

  it('a firm whose holdings sum to clearly more than 100% is listed with the sum', async () => {
    const summary = await importCli('over-100.csv');
    expect(summary.inferredByCode).toEqual({ HOLDINGS_OVER_100: 1 });
    const [row] = findings(summary);
    expect(row).toMatchObject({ file: 'over-100.csv', column: 'ratio', value: '130%', code: 'HOLDINGS_OVER_100' });
    expect(row!.detail).toBe('测试比例丁有限公司 现有股东持股合计 130%（王八 70%、郑七 60%） / the current holdings of 测试比例丁有限公司 sum to 130% (王八 70%、郑七 60%)');
  }, 120_000);
});

describe('a ratio given only by a subscribed amount is derived', () => {
  it('60/40 by 认缴出资额 over the registered capital: the holders are the beneficial owners, not the legal representative', async () => {
    const summary = await importCli('registrations.csv', 'subscribed.csv');
    expect(summary.inferredByCode).toEqual({ RATIO_DERIVED: 2 });
    const listed = findings(summary).sort((a, b) => a.row - b.row);
    expect(listed.map((r) => [r.file, r.row, r.column, r.value, r.code])).toEqual([
      ['subscribed.csv', 2, 'subscribedAmount', '600万元', 'RATIO_DERIVED'],
      ['subscribed.csv', 3, 'subscribedAmount', '400万元', 'RATIO_DERIVED'],
    ]);
    expect(listed[0]!.detail).toBe('冯九 持股 60%：认缴出资额 600万元 ÷ 注册资本 1000万元人民币 / 冯九 holds 60%: subscribed 600万元 over the registered capital 1000万元人民币');
    expect((await holdings('91320100MA1RA0005U'))['冯九']).toMatchObject({
      ratio: 0.6, ratioDerived: true, ratioBasis: 'registered-capital', ratioDenominatorWan: 1000, ratioDenominatorCurrency: 'CNY', subscribedAmountWan: 600,
    });

    const found = await owners('91320100MA1RA0005U');
    expect(found.map((o) => o.name)).toEqual(['冯九', '陈十']);
    expect(found.map((o) => o.ratio)).toEqual([expect.closeTo(0.6, 12), expect.closeTo(0.4, 12)]);
    for (const o of found) expect(o.rules).toContain('threshold');
  }, 120_000);

  it('a registration loaded after the shareholders derives the same ratios', async () => {
    // The firm's third holder gave 50% and no amount: the amounts alone (300万 + 200万) say
    // nothing of the rest, so until the capital is known the two ratios stay unknown.
    const yi = '91320100MA1RA0006Y';
    expect((await holdings(yi))['褚一']!.ratio).toBeUndefined();

    const later = await importCli('registrations-later.csv');
    expect(later.inferredByCode).toEqual({ RATIO_DERIVED: 2 });
    const first = findings(later).find((r) => r.value === '300万元');
    expect(first).toMatchObject({ value: '300万元', code: 'RATIO_DERIVED' });
    expect(first!.file).toMatch(/^run-.*\/2$/);
    expect(first!.detail).toBe(
      '褚一 持股 30%：认缴出资额 300万元 ÷ 注册资本 1000万元人民币（部分股东无认缴出资额，无法按合计计算） / 褚一 holds 30%: subscribed 300万元 over the registered capital 1000万元人民币 (some holders have no subscribed amount, so their total says nothing)',
    );
    const derived = await holdings(yi);
    expect([derived['褚一']!.ratio, derived['卫二']!.ratio, derived['南京蒋三控股有限公司']!.ratio]).toEqual([0.3, 0.2, 0.5]);
    expect((await owners(yi)).map((o) => o.name)).toEqual(['南京蒋三控股有限公司', '褚一']);
  }, 120_000);
});

describe('deciding one firm (no database)', () => {
  const holding = (id: string, props: Partial<HoldingState>): HoldingState => ({
    id, holder: id, ratio: null, ratioText: null, ratioAmbiguous: false, ratioByConvention: null, ratioAlt: null, ratioConvention: null,
    ratioBasis: null, ratioDerived: false, ratioDenominatorWan: null, ratioDenominatorCurrency: null, subscribedAmountWan: null,
    subscribedCurrency: null, subscribedText: null, runProv: `r/1:${id}`, lastProv: `r/1:${id}`, ...props,
  });
  const ambiguous = (id: string, value: number) =>
    holding(id, { ratio: value / 100, ratioText: String(value), ratioAmbiguous: true, ratioByConvention: value / 100, ratioAlt: value, ratioConvention: 'column', ratioBasis: 'column' });
  const firm = (holdings: HoldingState[], capital: Partial<FirmState> = {}): FirmState => ({
    key: 'F', name: '测试', capitalWan: null, capitalCurrency: null, capitalText: null, runProv: 'r/1:9', holdings, ...capital,
  });
  const ratios = (f: FirmState) => Object.fromEntries(decideFirm(f).decisions.map((d) => [d.id, [d.ratio, d.basis]]));

  it('enumerates the readings of several ambiguous ratios and takes the one combination that makes 100%', () => {
    expect(ratios(firm([holding('a', { ratio: 0.5 }), ambiguous('b', 0.3), ambiguous('c', 0.2)]))).toEqual({ b: [0.3, 'firm-sum'], c: [0.2, 'firm-sum'] });
    // 0.5 and 0.5 with nothing else: both as fractions make 100%, both as percents 1%.
    expect(ratios(firm([ambiguous('a', 0.5), ambiguous('b', 0.5)]))).toEqual({ a: [0.5, 'firm-sum'], b: [0.5, 'firm-sum'] });
    // A sole holder written `1` holds the whole firm.
    expect(ratios(firm([ambiguous('a', 1)]))).toEqual({ a: [1, 'firm-sum'] });
  });

  it('keeps the convention when two combinations fit, when too many ratios are ambiguous, or a holder’s ratio is unknown', () => {
    const two = decideFirm(firm([holding('a', { ratio: 0.495 }), ambiguous('b', 0.5), ambiguous('c', 0.5)]));
    expect(two.decisions).toEqual([]);
    expect(two.findings[0]!.detail).toContain('多种读法都能使该企业持股合计 100%');
    const many = decideFirm(firm(['a', 'b', 'c', 'd', 'e'].map((id) => ambiguous(id, 0.2))));
    expect(many.decisions).toEqual([]);
    expect(many.findings).toHaveLength(5);
    expect(many.findings[0]!.detail).toContain('5 个单位不明的比例');
    const unknown = decideFirm(firm([holding('a', { ratio: 0.6 }), ambiguous('b', 0.4), holding('c', {})]));
    expect(unknown.decisions).toEqual([]);
    expect(unknown.findings[0]!.detail).toContain('另有股东比例不明');
  });

  it('derives over the subscribed total where the amounts do not add up to the capital, and never touches a given ratio', () => {
    const cny = (id: string, wan: number, more: Partial<HoldingState> = {}) => holding(id, { subscribedAmountWan: wan, subscribedCurrency: 'CNY', ...more });
    const f = firm([cny('a', 300), cny('b', 100), cny('c', 100, { ratio: 0.25 })], { capitalWan: 1000, capitalCurrency: 'CNY', capitalText: '1000万元' });
    const decided = decideFirm(f);
    expect(decided.decisions.map((d) => [d.id, d.ratio, d.basis, d.denominatorWan])).toEqual([
      ['a', 0.6, 'subscribed-sum', 500],
      ['b', 0.2, 'subscribed-sum', 500],
    ]);
    expect(decided.findings[0]!.detail).toContain('全体股东认缴合计 500万 CNY（各股东认缴合计与注册资本 1000万元 不符）');
    // A capital in another currency is no denominator.
    const usd = decideFirm(firm([cny('a', 60), cny('b', 40)], { capitalWan: 100, capitalCurrency: 'USD', capitalText: '100万美元' }));
    expect(usd.decisions.map((d) => [d.ratio, d.basis])).toEqual([[0.6, 'subscribed-sum'], [0.4, 'subscribed-sum']]);
  });

  it('reads a column’s bare ratios by the file’s other columns when its own values decide nothing', async () => {
    expect(await decideRatioConvention(['60%', '0.4'], [])).toEqual({ unit: 'percent', of: 'column' });
    expect(await decideRatioConvention(['0.6', '0.4'], [() => ['35', '0.5']])).toEqual({ unit: 'percent', of: 'file' });
    expect(await decideRatioConvention(['0.6', '0.4'], [() => ['0.5']])).toEqual({ unit: 'fraction', of: 'none' });
  });
});
