import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../cypher/run.ts';
import { runAnalysis } from '../../analyses/index.ts';
import { approvedClassesOf, changeClassOf } from '../../analyses/changeItems.ts';
import { envelope as envelopeSchema, type Envelope, type Finding } from '../../analyses/envelope.ts';
import { TEST_SETTINGS } from '../support/graph.ts';
import { loadFixtures } from '../support/fixtures.ts';

/**
 * Unapproved changes of venues on hand-built histories whose answers are known
 * (tests/fixtures/analyses/changes/README.md).
 */

const fixtures = path.resolve('tests/fixtures/analyses/changes');
let graph: Graph;

beforeAll(async () => {
  graph = await loadFixtures(fixtures, ['registrations', 'approvals', 'changes', 'branches']);
});
afterAll(async () => {
  await graph.close();
});

const changes = (params: Record<string, unknown> = {}) => runAnalysis(graph, 'unapproved-changes', params, TEST_SETTINGS);
const named = (env: Envelope, name: string): Finding => {
  const found = env.findings.filter((f) => f.subject.name === name);
  expect(found, name).toHaveLength(1);
  return found[0]!;
};
const HENGTONG = '江苏恒通商品交易中心有限公司';
const JUYUAN = '南京聚源文化产权交易所有限公司';

describe('unapproved-changes', () => {
  it('reports the venues of the jurisdiction with a change no approval covers, and only those', async () => {
    const env = await changes();
    expect(envelopeSchema.parse(env)).toEqual(env);
    expect(env.findings.map((f) => f.subject.name).sort()).toEqual([HENGTONG, JUYUAN].sort());
    expect(env.exhaustive).toBe(true);
  });

  it('needs an approval of the same item dated on or before the change; a later one is named but does not count', async () => {
    const f = named(await changes(), HENGTONG);
    expect(f.facts.unapprovedItems).toEqual(['注册资本变更（2018-03-02）', '住所变更（2019-08-01）', '投资人(股权)变更（2021-02-02）']);
    expect(f.facts.unapprovedKinds).toEqual(['capital', 'address', 'shareholders']);
    expect(f.score).toBe(3);
    expect(f.facts.approvedCount).toBe(1);
    expect(f.facts.lateApprovals).toEqual(['苏金管复〔2021〕103号（变更审批（股东），2021-03-01）']);
  });

  it('shows the change history — unapproved first, with before, after and date — and the approvals that exist', async () => {
    const f = named(await changes(), HENGTONG);
    const kinds = f.evidence.chains.map((c) => c.kind);
    expect(kinds).toEqual(['change', 'change', 'change', 'change', 'approval', 'approval', 'approval']);
    const [first] = f.evidence.chains;
    expect(first!.path.map((p) => p.kind)).toEqual(['COMPANY', 'CHANGE_RECORD']);
    expect(first!.edges[0]).toMatchObject({
      type: 'HAS_CHANGE',
      details: { item: '注册资本变更', before: '10000万元人民币', after: '20000万元人民币', changedOn: '2018-03-02', approved: false },
    });
    const legalRep = f.evidence.chains[3]!;
    expect(legalRep.edges[0]!.details).toMatchObject({ item: '法定代表人变更', approved: true, approvedBy: '苏金管复〔2019〕102号（变更审批（法定代表人），2019-05-01）' });
    // 经营范围变更 is not one of the changes that need approval.
    expect(f.evidence.chains.some((c) => c.edges[0]!.details?.item === '经营范围变更')).toBe(false);
  });

  it('takes a firm named like a venue as a venue though it has no approval, and reports its new branch and undated change', async () => {
    const f = named(await changes(), JUYUAN);
    expect(f.facts.exchange).toBe(false);
    expect(f.facts.unapprovedItems).toEqual([
      '注册资本变更（日期不详 / date unknown）',
      '法定代表人变更（2020-05-05）',
      '设立分支机构 南京聚源文化产权交易所有限公司无锡分公司（2021-01-01）',
    ]);
    const branch = f.evidence.chains.find((c) => c.kind === 'branch')!;
    expect(branch.path.map((p) => p.name)).toEqual(['南京聚源文化产权交易所有限公司无锡分公司', JUYUAN]);
    expect(branch.edges[0]).toMatchObject({ type: 'BRANCH_OF', validFrom: '2021-01-01' });
  });

  it('leaves out a venue whose name change and branch were approved, a venue registered elsewhere, and a firm that is no venue', async () => {
    const env = await changes();
    const listed = env.findings.map((f) => f.subject.name);
    expect(listed).not.toContain('江苏瑞达金融资产交易中心有限公司');
    expect(listed).not.toContain('上海汇金贵金属交易中心有限公司');
    expect(listed).not.toContain('南京泰和贸易有限公司');
    const shanghai = await changes({ jurisdiction: '310000' });
    expect(shanghai.findings.map((f) => f.subject.name)).toEqual(['上海汇金贵金属交易中心有限公司']);
  });

  it('screens only the dates and kinds asked for (an undated change cannot be shown to lie outside the dates)', async () => {
    const env = await changes({ from: '2019-01-01', items: 'capital,address' });
    expect(named(env, HENGTONG).facts.unapprovedItems).toEqual(['住所变更（2019-08-01）']);
    expect(named(env, JUYUAN).facts.unapprovedItems).toEqual(['注册资本变更（日期不详 / date unknown）']);
    await expect(changes({ from: '2020-01-01', to: '2019-01-01' })).rejects.toMatchObject({ code: 'BAD_PARAMS' });
  });

  it('reads the spellings of change items and approval categories', () => {
    expect(changeClassOf('注册资本(金)变更')).toBe('capital');
    expect(changeClassOf('投资人(股权)变更')).toBe('shareholders');
    expect(changeClassOf('股东名称变更')).toBe('shareholders');
    expect(changeClassOf('负责人变更')).toBe('legalRepresentative');
    expect(changeClassOf('经营场所变更')).toBe('address');
    expect(changeClassOf('企业名称变更')).toBe('name');
    expect(changeClassOf('经营范围变更')).toBeNull();
    expect(approvedClassesOf('变更审批（注册资本）')).toEqual(['capital']);
    expect(approvedClassesOf('变更审批(名称、住所)')).toEqual(['name', 'address']);
    expect(approvedClassesOf('设立分支机构')).toEqual(['branch']);
    expect(approvedClassesOf('金融资产')).toEqual([]);
    expect(approvedClassesOf(null)).toEqual([]);
  });
});
