import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../cypher/run.ts';
import { runAnalysis } from '../../analyses/index.ts';
import { envelope as envelopeSchema, type Envelope, type Finding } from '../../analyses/envelope.ts';
import { TEST_SETTINGS } from '../support/graph.ts';
import { loadFixtures } from '../support/fixtures.ts';

/**
 * Controllers behind several flagged firms on hand-built structures whose answers are known
 * (tests/fixtures/analyses/flagged/README.md).
 */

const fixtures = path.resolve('tests/fixtures/analyses/flagged');
const firm = {
  one: '91320100MA1FC0003B',
  two: '91320100MA1FC0004E',
  three: '91320100MA1FC0005H',
  borrower: '91320100MA1FC0006L',
  five: '91320100MA1FC0008T',
  seventeen: '91320100MA1FC00204',
  twentyFour: '91320100MA1FC0028W',
  twentyFive: '91320100MA1FC00318',
};
let graph: Graph;

beforeAll(async () => {
  graph = await loadFixtures(fixtures, ['registrations', 'shareholders', 'officers', 'relations', 'lists', 'personLists'], ['confirm.cypher']);
});
afterAll(async () => {
  await graph.close();
});

const screen = (params: Record<string, unknown> = {}) => runAnalysis(graph, 'flagged-controllers', params, TEST_SETTINGS);
const named = (env: Envelope, name: string): Finding[] => env.findings.filter((f) => f.subject.name === name);
const one = (env: Envelope, name: string): Finding => {
  const found = named(env, name);
  expect(found, name).toHaveLength(1);
  return found[0]!;
};

describe('flagged-controllers', () => {
  it('ranks the people behind at least three flagged firms by count, then amount, then victims', async () => {
    const env = await screen();
    expect(envelopeSchema.parse(env)).toEqual(env);
    expect(env.params).toMatchObject({ minFirms: 3, threshold: 0.25, listTypes: ['非法集资案件', '取缔类', '整改类', '违规交易场所', '微盘平台', '举报线索'] });
    expect(env.findings.map((f) => [f.subject.name, f.score, f.facts.totalAmountWan, f.facts.victims])).toEqual([
      ['甲控', 3, 3000, 300],
      ['丁提', 3, 900, 120],
      ['丙确', 3, 600, 90],
      ['庚经', 3, 600, 60],
      ['乙代', 3, 500, 50],
      ['己持', 3, 300, 30],
    ]);
    expect(env.findings.every((f) => f.subject.kind === 'PERSON' && f.subject.key.startsWith('P-'))).toBe(true);
    expect(env.exhaustive).toBe(true);
    expect(env.limitsHit).toEqual([]);
  });

  it('follows majority chains down two levels, counts a case named on two firms once, and leaves out a disclosure list', async () => {
    const f = one(await screen(), '甲控');
    expect(new Set(f.facts.firmKeys as string[])).toEqual(new Set([firm.one, firm.two, firm.three]));
    expect(f.facts.firmKeys).not.toContain(firm.borrower);
    expect(f.facts.cases).toBe(3);
    expect(f.facts.listTypes).toEqual(['整改类', '非法集资案件'].sort());
    expect(f.facts.ways).toEqual(['control', 'threshold']);
    const toTwo = f.evidence.chains.find((c) => c.kind === 'control' && c.path.at(-1)!.key === firm.two)!;
    expect(toTwo.path.map((n) => n.name)).toEqual(['甲控', '测试控股甲有限公司', '测试投资甲有限公司', '测试涉案二有限公司']);
    const owning = f.evidence.chains.find((c) => c.kind === 'ownership' && c.path.at(-1)!.key === firm.two)!;
    expect(owning.product).toBeCloseTo(0.8 * 0.7 * 0.55, 12);
    const listing = f.evidence.chains.find((c) => c.kind === 'listing' && c.path[0]!.key === firm.two)!;
    expect(listing.path[1]!.kind).toBe('LIST_ENTRY');
    expect(listing.edges[0]).toMatchObject({ type: 'FLAGGED', details: { listType: '非法集资案件', caseNo: '苏公经立字〔2020〕0002号', amountWan: 2000, victims: 200 } });
  });

  it('shows a controller’s own listing (失信被执行人) as context, not as a flagged firm', async () => {
    const f = one(await screen(), '乙代');
    expect(f.score).toBe(3);
    expect(f.facts.personListings).toEqual(['失信被执行人 (2021)苏0106执1号']);
    const own = f.evidence.chains.find((c) => c.kind === 'listing' && c.path[0]!.kind === 'PERSON')!;
    expect(own.path.map((n) => n.kind)).toEqual(['PERSON', 'LIST_ENTRY']);
    expect(own.edges[0]).toMatchObject({ type: 'FLAGGED', details: { listType: '失信被执行人', caseNo: '(2021)苏0106执1号' } });
    expect(one(await screen(), '甲控').facts.personListings).toEqual([]);
  });

  it('counts non-equity control (代持 nominee) and legal representation, with the basis and the role shown', async () => {
    const f = one(await screen(), '乙代');
    expect(f.facts.ways).toEqual(['control', 'legal-representative', 'officer']);
    expect(f.facts.listTypes).toEqual(['取缔类', '微盘平台', '非法集资案件'].sort());
    const nominee = f.evidence.chains.find((c) => c.kind === 'control' && c.path.at(-1)!.key === firm.five)!;
    expect(nominee.edges[0]).toMatchObject({ type: 'CONTROLS', basis: 'nominee', basisText: '代持' });
    expect(f.evidence.chains.filter((c) => c.kind === 'role').map((c) => c.edges[0]!.role).sort()).toEqual(['执行董事', '法定代表人'].sort());
  });

  it('never makes one person of two people who share a name but not an ID number', async () => {
    expect(named(await screen(), '张伟')).toEqual([]);
    const env = await screen({ minFirms: 2 });
    const zhang = named(env, '张伟');
    expect(zhang.map((f) => f.facts.flaggedFirms)).toEqual([2, 2]);
    expect(new Set(zhang.map((f) => f.subject.key)).size).toBe(2);
    expect(zhang.every((f) => (f.facts.sameRecords as string[]).length === 0 && (f.facts.sameAsHints as string[]).length === 0)).toBe(true);
  });

  it('groups the records of one person once the link is confirmed, and shows the confirmation', async () => {
    const f = one(await screen(), '丙确');
    expect(f.facts.flaggedFirms).toBe(3);
    expect(f.facts.sameRecords).toHaveLength(1);
    expect(f.facts.ways).toEqual(['legal-representative', 'officer']);
    const link = f.evidence.chains.find((c) => c.kind === 'sameAs')!;
    expect(link.edges[0]).toMatchObject({ type: 'POSSIBLY_SAME_AS', details: { status: 'confirmed', decidedBy: '测试核查员', reasons: ['compatible-id'] } });
  });

  it('adds up the holdings of confirmed records of one person before the majority test (26% + 26% controls)', async () => {
    const f = one(await screen({ minFirms: 1 }), '辛合');
    expect(f.facts.firmKeys).toEqual([firm.twentyFive]);
    expect(f.facts.ways).toEqual(['control']);
    expect(f.facts.sameRecords).toHaveLength(1);
    const chain = f.evidence.chains.find((c) => c.kind === 'control')!;
    expect(chain.path.map((n) => n.name)).toEqual(['辛合', '测试合控甲有限公司', '测试合控乙有限公司', '测试涉案二十五有限公司']);
    expect(chain.edges[0]).toMatchObject({ type: 'HOLDS_SHARES', ratio: 0.52 });
  });

  it('shows a proposed same-person link only as a hint: its flagged firm is not counted', async () => {
    const f = one(await screen(), '丁提');
    expect(f.facts.flaggedFirms).toBe(3);
    expect(f.facts.firmKeys).not.toContain(firm.seventeen);
    expect(f.facts.hintFlaggedFirms).toBe(1);
    expect(f.facts.sameAsHints).toEqual([expect.stringMatching(/^丁提 P-/)]);
    expect(f.facts.sameRecords).toEqual([]);
    expect(f.evidence.chains.find((c) => c.kind === 'sameAs')!.edges[0]!.details).toMatchObject({ status: 'proposed' });
  });

  it('does not report a chain broken by an exactly-50% step (80% × 60% × 50% = 24%), even at one firm', async () => {
    const env = await screen({ minFirms: 1 });
    expect(named(env, '戊断')).toEqual([]);
    expect(named(env, '测试实业戊有限公司')).toEqual([]);
    expect(one(env, '庚经').facts.ways).toEqual(['officer']);
  });

  it('counts a holding of exactly the threshold (≥), not above a higher one, and not before its firm was flagged', async () => {
    const f = one(await screen(), '己持');
    expect(f.facts.firmKeys).toContain(firm.twentyFour);
    expect(f.facts.how).toContain('测试涉案二十四有限公司：持股 holds 25%');
    expect(named(await screen({ threshold: 0.3 }), '己持')).toEqual([]);
    expect(named(await screen({ asOf: '2022-12-31' }), '己持')).toEqual([]);
  });

  it('counts only the chosen list types', async () => {
    const env = await screen({ listTypes: '非法集资案件' });
    expect(named(env, '乙代')).toEqual([]);
    expect(one(env, '甲控').facts.cases).toBe(2);
  });

  it('refuses an empty list of list types', async () => {
    await expect(screen({ listTypes: '' })).rejects.toMatchObject({ code: 'BAD_PARAMS' });
  });
});

describe('flagged-controllers: every cap reached is named, never a silent negative', () => {
  it('fanOut: a firm with more holders than followed', async () => {
    const env = await screen({ fanOut: 1 });
    expect(env.exhaustive).toBe(false);
    expect(env.limitsHit).toContain(`fanOut:${firm.one}`);
    expect(env.findings.every((f) => f.limitsHit.includes(`fanOut:${firm.one}`) && !f.exhaustive)).toBe(true);
  });

  it('depth: holdings above the last step searched, so the chain controller is not reached', async () => {
    const env = await screen({ maxDepth: 1 });
    expect(env.limitsHit).toContain('depth');
    expect(env.exhaustive).toBe(false);
    expect(named(env, '甲控')).toEqual([]);
  });

  it('nodes: the walk up reached its number of entities', async () => {
    const env = await screen({ maxNodes: 25 });
    expect(env.limitsHit).toContain('nodes');
    expect(env.exhaustive).toBe(false);
  });

  it('time: the budget ran out after the first hop', async () => {
    const env = await screen({ timeoutMs: 0 });
    expect(env.limitsHit).toContain('time');
    expect(env.exhaustive).toBe(false);
  });

  it('firms: more flagged firms than screened; the largest cases are kept', async () => {
    const env = await screen({ maxFirms: 3, minFirms: 1 });
    expect(env.limitsHit).toContain('firms');
    expect(new Set(env.findings.flatMap((f) => f.facts.firmKeys as string[]))).toEqual(new Set([firm.one, firm.two, firm.three]));
  });

  it('unknownRatio: a holding without a ratio above a flagged firm makes the screen a lower bound', async () => {
    await graph.driver.executeQuery(
      "MATCH (f:Company {key: $key}) CREATE (:Person {key: 'P-TESTUNKNOWNRATIO', name: '辛未知', normalizedName: '辛未知'})-[:HOLDS_SHARES]->(f)",
      { key: firm.twentyFour },
    );
    try {
      const env = await screen();
      expect(env.limitsHit).toEqual(['unknownRatio']);
      expect(env.exhaustive).toBe(false);
    } finally {
      await graph.driver.executeQuery("MATCH (p:Person {key: 'P-TESTUNKNOWNRATIO'}) DETACH DELETE p");
    }
  });
});

describe('flagged-controllers: only in the jurisdiction, only the flagged firms registered in it count', () => {
  // 壬域 legally represents three flagged firms: two registered in 南京市玄武区 (320102), one in
  // 上海市黄浦区 (310101) — a case filed here against a firm registered elsewhere.
  const person = 'P-TESTJURISDICTION';
  const inside = ['TEST-JUR-XUANWU-1', 'TEST-JUR-XUANWU-2'];
  const outside = 'TEST-JUR-HUANGPU';
  const firms = [
    { key: inside[0], name: '测试玄武一有限公司', regionCode: '320102', caseNo: '苏公经立字〔2021〕0101号' },
    { key: inside[1], name: '测试玄武二有限公司', regionCode: '320102', caseNo: '苏公经立字〔2021〕0102号' },
    { key: outside, name: '测试黄浦有限公司', regionCode: '310101', caseNo: '苏公经立字〔2021〕0103号' },
  ];
  const firmsOf = (env: Envelope) => new Set(one(env, '壬域').facts.firmKeys as string[]);

  beforeAll(async () => {
    await graph.driver.executeQuery(
      `CREATE (p:Person {key: $person, name: '壬域', normalizedName: '壬域'})
       WITH p UNWIND $firms AS f
       CREATE (p)-[:LEGAL_REPRESENTATIVE_OF]->(c:Company {key: f.key, name: f.name, regionCode: f.regionCode, status: '存续'})
       CREATE (c)-[:FLAGGED {caseNo: f.caseNo, amountWan: 100.0, victims: 10}]->(:ListEntry {key: 'L-' + f.key, listType: '非法集资案件', caseNo: f.caseNo})`,
      { person, firms },
    );
  });
  afterAll(async () => {
    await graph.driver.executeQuery("MATCH (n) WHERE n.key = $person OR n.key STARTS WITH 'TEST-JUR-' OR n.key STARTS WITH 'L-TEST-JUR-' DETACH DELETE n", { person });
  });

  it('by default every flagged firm counts wherever registered, even with the deployment’s jurisdiction configured', async () => {
    const env = await screen();
    expect(firmsOf(env)).toEqual(new Set([...inside, outside]));
    expect(env.params).toMatchObject({ inJurisdiction: false, jurisdiction: TEST_SETTINGS.jurisdiction });
  });

  it('with the province, the firm registered in Shanghai no longer counts toward 壬域’s firms, those in 玄武区 do', async () => {
    const env = await screen({ inJurisdiction: true, jurisdiction: '320000' });
    expect(env.params).toMatchObject({ inJurisdiction: true, jurisdiction: '320000' });
    expect(named(env, '壬域')).toEqual([]); // 2 firms < minFirms 3
    const f = one(await screen({ inJurisdiction: true, jurisdiction: '320000', minFirms: 2 }), '壬域');
    expect(new Set(f.facts.firmKeys as string[])).toEqual(new Set(inside));
    expect(f.facts.cases).toBe(2);
    expect(f.evidence.chains.filter((c) => c.kind === 'listing').map((c) => c.path[0]!.key).sort()).toEqual([...inside].sort());
  });

  it('matches a division and its subdivisions as keyword-screen does: the city and the district take 玄武区, another district does not', async () => {
    expect(firmsOf(await screen({ inJurisdiction: true, jurisdiction: '320100', minFirms: 1 }))).toEqual(new Set(inside));
    expect(firmsOf(await screen({ inJurisdiction: true, jurisdiction: '320102', minFirms: 1 }))).toEqual(new Set(inside));
    expect(named(await screen({ inJurisdiction: true, jurisdiction: '320105', minFirms: 1 }), '壬域')).toEqual([]);
    expect(firmsOf(await screen({ inJurisdiction: true, jurisdiction: '310000', minFirms: 1 }))).toEqual(new Set([outside]));
  });

  it('refuses only-in-the-jurisdiction where no jurisdiction is given or configured', async () => {
    await expect(runAnalysis(graph, 'flagged-controllers', { inJurisdiction: true })).rejects.toMatchObject({ code: 'BAD_PARAMS' });
  });

  it('refuses a jurisdiction that is not a known 6-digit division code', async () => {
    await expect(screen({ inJurisdiction: true, jurisdiction: '3201' })).rejects.toMatchObject({ code: 'BAD_PARAMS' });
    await expect(screen({ inJurisdiction: true, jurisdiction: '990000' })).rejects.toMatchObject({ code: 'BAD_PARAMS' });
  });
});
