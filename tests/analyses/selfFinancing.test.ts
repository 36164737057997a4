import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../cypher/run.ts';
import { runAnalysis } from '../../analyses/index.ts';
import { envelope as envelopeSchema, type Finding } from '../../analyses/envelope.ts';
import { TEST_SETTINGS } from '../support/graph.ts';
import { loadFixtures } from '../support/fixtures.ts';

/**
 * P2P self-financing on a hand-built platform whose controller stands behind four of its six
 * disclosed borrowers, and a platform whose borrowers are strangers
 * (tests/fixtures/analyses/selffinancing/README.md).
 */

const fixtures = path.resolve('tests/fixtures/analyses/selffinancing');
const F = '91320100MA1FN0001J';
const H = '91320100MA1FN0002M';
const B1 = '91320100MA1FN0003Q';
const B2 = '91320100MA1FN0004U';
const B5 = '91320100MA1FN00075';
const G = '91320100MA1FN00088';

let graph: Graph;
let controllerKey: string;

beforeAll(async () => {
  graph = await loadFixtures(fixtures, ['registrations', 'shareholders', 'officers', 'lists']);
  const { records } = await graph.driver.executeQuery(`MATCH (p:Person {name: '平控'}) RETURN p.key AS key`);
  expect(records).toHaveLength(1);
  controllerKey = records[0]!.get('key') as string;
});
afterAll(async () => {
  await graph.close();
});

const selfFinancing = (params: Record<string, unknown> = {}) => runAnalysis(graph, 'self-financing', params, TEST_SETTINGS);
const platform = (findings: Finding[], key: string) => {
  const found = findings.filter((f) => f.subject.key === key);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('self-financing', () => {
  it('reports the platform whose controller (70%, legal representative) controls, represents or is four of its borrowers, with the share of the money', async () => {
    const env = await selfFinancing();
    expect(envelopeSchema.parse(env)).toEqual(env);
    const f = platform(env.findings, F);
    expect(f.subject).toEqual({ kind: 'COMPANY', key: F, name: '测试网贷金融信息服务有限公司' });
    expect(f.facts).toMatchObject({
      controllers: ['平控'],
      controllerKeys: [controllerKey],
      controllerGrounds: ['平控: threshold, control, legal-representative'],
      borrowers: 6,
      borrowedAmountWan: 2300,
      selfBorrowedAmountWan: 1100,
      shareBasis: 'amount',
      platformKeywordsHit: ['金融信息服务', '网贷', '网络借贷', '借贷'],
    });
    expect(new Set(f.facts.selfBorrowerKeys as string[])).toEqual(new Set([B1, B2, B5, controllerKey]));
    expect(f.facts.selfBorrowerGrounds).toEqual(
      expect.arrayContaining([
        '测试借款一贸易有限公司 ← 平控: threshold, control',
        '测试借款二实业有限公司 ← 平控: legal-representative',
        '测试借款五供应链管理有限公司 ← 平控: threshold, control',
        '平控 ← 平控: borrower-self',
      ]),
    );
    expect(f.score).toBeCloseTo(1100 / 2300, 12);
    expect(env.exhaustive).toBe(false); // the disclosure of a platform not in the graph, below
  });

  it('shows why: the controller’s chains to the platform and to each borrower, and each borrower’s disclosure with its amount', async () => {
    const f = platform((await selfFinancing()).findings, F);
    const names = (kind: string) => f.evidence.chains.filter((c) => c.kind === kind).map((c) => c.path.map((n) => n.name).join(' > '));
    expect(names('ownership')).toEqual(expect.arrayContaining(['平控 > 测试网贷金融信息服务有限公司', '平控 > 测试平控控股有限公司 > 测试借款五供应链管理有限公司']));
    expect(names('control')).toContain('平控 > 测试平控控股有限公司 > 测试借款五供应链管理有限公司');
    const rep = f.evidence.chains.find((c) => c.kind === 'role' && c.path[1]!.key === B2)!;
    expect(rep.edges).toEqual([{ type: 'LEGAL_REPRESENTATIVE_OF', role: '法定代表人' }]);
    const listing = f.evidence.chains.filter((c) => c.kind === 'listing');
    expect(listing).toHaveLength(4);
    const b1 = listing.find((c) => c.path[0]!.key === B1)!;
    expect(b1.path[1]).toMatchObject({ kind: 'LIST_ENTRY', name: `P2P平台借款人 借款人披露-${F}` });
    expect(b1.edges[0]).toEqual({ type: 'FLAGGED', details: { amountWan: 500, filedOn: '2018-06-30', caseNo: `借款人披露-${F}` } });
    expect(f.evidence.chains.find((c) => c.path.some((n) => n.key === H) && c.kind === 'control')!.edges.map((e) => e.ratio)).toEqual([0.6, 0.6]);
  });

  it('does not report a platform whose borrowers are all strangers to its controllers', async () => {
    const env = await selfFinancing();
    expect(env.findings.map((f) => f.subject.key)).toEqual([F]);
    expect(env.findings.some((f) => f.subject.key === G)).toBe(false);
  });

  it('names a disclosure whose platform the graph does not hold in limitsHit, rather than passing over its borrowers', async () => {
    const env = await selfFinancing();
    expect(env.limitsHit).toEqual([expect.stringMatching(/^platformUnknown:L-[0-9a-f]{24}$/)]);
    const one = await selfFinancing({ platform: '测试网贷金融信息服务有限公司' });
    expect(one.about).toEqual({ kind: 'COMPANY', key: F, name: '测试网贷金融信息服务有限公司' });
    expect(one.limitsHit).toEqual([]);
    expect(one.exhaustive).toBe(true);
    expect(platform(one.findings, F).facts.selfBorrowerKeys).toHaveLength(4);
  });

  it('with maxDepth 1 misses the borrower held through the holding company and says the depth cap was reached', async () => {
    const env = await selfFinancing({ platform: F, maxDepth: 1 });
    const f = platform(env.findings, F);
    expect(new Set(f.facts.selfBorrowerKeys as string[])).toEqual(new Set([B1, B2, controllerKey]));
    expect(f.limitsHit).toContain('depth');
    expect(f.exhaustive).toBe(false);
    expect(env.limitsHit).toContain('depth');
  });

  it('keeps to the jurisdiction of the platform’s registration', async () => {
    const env = await selfFinancing({ jurisdiction: '330000' });
    expect(env.findings).toEqual([]);
  });
});
