import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../cypher/run.ts';
import { runAnalysis } from '../../analyses/index.ts';
import { envelope as envelopeSchema, type Envelope, type Finding } from '../../analyses/envelope.ts';
import { loadFixtures } from '../support/fixtures.ts';

/**
 * Beneficial owners on hand-built structures whose answers are known (tests/fixtures/analyses/README.md).
 */

const fixtures = path.resolve('tests/fixtures/analyses');
const firm = {
  A: '91320100MA1TA00012',
  C: '91320100MA1TA00038',
  S: '91320100MA1TA0004B',
  D: '91320100MA1TA0005E',
  M3: '91320100MA1TA00100',
  E1: '91320100MA1TA00113',
  E2: '91320100MA1TA00126',
  N: '91320100MA1TA0015F',
  T: '91320100MA1TA0016J',
  W: '91320100MA1TA0017M',
  Y: '91320100MA1TA0018Q',
  Z: '91320100MA1TA0019U',
  G0: '11320100MB1TA0020B',
  L1: '91320100MA1TA00214',
};
let graph: Graph;

beforeAll(async () => {
  graph = await loadFixtures(fixtures, ['registrations', 'shareholders', 'officers', 'relations', 'boFilings'], ['history.cypher']);
});
afterAll(async () => {
  await graph.close();
});

const owners = (params: Record<string, unknown>) => runAnalysis(graph, 'beneficial-owners', params);
const named = (env: Envelope, name: string): Finding => {
  const found = env.findings.filter((f) => f.subject.name === name);
  expect(found, name).toHaveLength(1);
  return found[0]!;
};
const ratioOf = (env: Envelope, name: string) => named(env, name).facts.effectiveRatio as number;
const rulesOf = (env: Envelope, name: string) => named(env, name).facts.rulesMet;

describe('beneficial-owners: integrated ownership', () => {
  it('sums every walk round a cross-holding cycle (A 60%→B, B 50%→C, C 30%→A) once, and the holders’ shares add up to 100%', async () => {
    const env = await owners({ firm: firm.A });
    expect(envelopeSchema.parse(env)).toEqual(env);
    expect(env.about).toEqual({ kind: 'COMPANY', key: firm.A, name: '测试甲环一有限公司' });
    expect(ratioOf(env, '周一')).toBeCloseTo(0.7 / 0.91, 12);
    expect(ratioOf(env, '吴二')).toBeCloseTo(0.06 / 0.91, 12);
    expect(ratioOf(env, '郑三')).toBeCloseTo(0.15 / 0.91, 12);
    const persons = env.findings.filter((f) => f.subject.kind === 'PERSON');
    expect(persons.reduce((s, f) => s + (f.facts.effectiveRatio as number), 0)).toBeCloseTo(1, 12);
    expect(env.exhaustive).toBe(true);
    expect(env.limitsHit).toEqual([]);
  });

  it('shows the simple chains and, because the walks go round the cycle, the cycle’s holdings as a subgraph', async () => {
    const env = await owners({ firm: firm.C });
    const p1 = named(env, '周一');
    expect(p1.facts.effectiveRatio).toBeCloseTo(0.21 / 0.91, 12);
    expect(p1.facts.rulesMet).toEqual([]);
    const [chain] = p1.evidence.chains;
    expect(chain!.path.map((n) => n.name)).toEqual(['周一', '测试甲环一有限公司', '测试甲环二有限公司', '测试甲环三有限公司']);
    expect(chain!.product).toBeCloseTo(0.21, 12);
    expect(p1.evidence.subgraph!.edges.map((e) => `${e.source}>${e.target}`)).toContain(`${firm.C}>${firm.A}`);
    expect(rulesOf(env, '郑三')).toEqual(['threshold']);
  });

  it('leaves a firm’s own shares out of the denominator: 44% of a firm holding 20% of itself is 55%, a majority', async () => {
    const env = await owners({ firm: firm.S });
    const s1 = named(env, '王四');
    expect(s1.facts.effectiveRatio).toBeCloseTo(0.55, 12);
    expect(s1.facts.rulesMet).toEqual(['threshold', 'control']);
    expect(s1.facts.controlBases).toEqual(['majority']);
    const edge = s1.evidence.chains[0]!.edges[0]!;
    expect(edge).toMatchObject({ type: 'HOLDS_SHARES', ratio: 0.44 });
    expect(edge.adjustedRatio).toBeCloseTo(0.55, 12);
    expect(edge.note).toContain('own shares');
    expect(ratioOf(env, '冯五')).toBeCloseTo(0.45, 12);
    // The firm itself is not a holder of itself in the answer.
    expect(env.findings.map((f) => f.subject.key)).not.toContain(firm.S);
  });

  it('adds a person’s direct holding to the chains through two firms (10% + 50%×20% + 40%×30% = 32%), each chain as evidence', async () => {
    const env = await owners({ firm: firm.D });
    const d1 = named(env, '陈六');
    expect(d1.facts.effectiveRatio).toBeCloseTo(0.32, 12);
    expect(d1.facts.directRatio).toBe(0.1);
    expect(d1.facts.filedRatio).toBe(0.1);
    expect(d1.evidence.chains.map((c) => c.product)).toEqual([expect.closeTo(0.12, 12), expect.closeTo(0.1, 12), expect.closeTo(0.1, 12)]);
    expect(d1.evidence.chainsComplete).toBe(true);
    expect(d1.evidence.subgraph).toBeUndefined();
    expect(ratioOf(env, '蒋九')).toBeCloseTo(0.18, 12);
  });
});

describe('beneficial-owners: the rules', () => {
  it('a majority chain (51% at each of three steps) is control although the effective ratio is 13.27%', async () => {
    const env = await owners({ firm: firm.M3 });
    const m = named(env, '沈十');
    expect(m.facts.effectiveRatio).toBeCloseTo(0.51 ** 3, 12);
    expect(m.facts.rulesMet).toEqual(['control']);
    expect(m.facts.beneficialOwner).toBe(true);
    const control = m.evidence.chains.find((c) => c.kind === 'control')!;
    expect(control.path.map((n) => n.name)).toEqual(['沈十', '测试丁一控股有限公司', '测试丁二控股有限公司', '测试丁三实业有限公司']);
    expect(control.edges.map((e) => e.ratio)).toEqual([0.51, 0.51, 0.51]);
    // 49% × 51% just misses 25%: no rule, and not rounded up.
    expect(ratioOf(env, '朱十三')).toBeCloseTo(0.2499, 12);
    expect(rulesOf(env, '朱十三')).toEqual([]);
  });

  it('exactly 25% meets cn-2024 (25% or more) and not cn-2017 (more than 25%)', async () => {
    expect(rulesOf(await owners({ firm: firm.E1 }), '秦十四')).toEqual(['threshold']);
    expect(rulesOf(await owners({ firm: firm.E1, rules: 'cn-2017' }), '秦十四')).toEqual([]);
  });

  it('25% reached only as the floating-point sum 30%×75% + 10%×25% counts as exactly 25% under both rule sets', async () => {
    const env = await owners({ firm: firm.E2 });
    expect(ratioOf(env, '许十六')).toBeCloseTo(0.25, 12);
    expect(rulesOf(env, '许十六')).toEqual(['threshold']);
    expect(rulesOf(await owners({ firm: firm.E2, rules: 'cn-2017' }), '许十六')).toEqual([]);
    expect(rulesOf(await owners({ firm: firm.E2, threshold: 0.2499 }), '许十六')).toEqual(['threshold']);
  });

  it('when nobody meets threshold or control, cn-2024 names the day-to-day manager and cn-2017 every senior manager', async () => {
    const env = await owners({ firm: firm.N });
    expect(env.findings.filter((f) => f.facts.beneficialOwner).map((f) => [f.subject.name, f.facts.rulesMet, f.facts.fallbackTier])).toEqual([
      ['曹经理', ['senior-manager'], 1],
    ]);
    expect(named(env, '孔执董').facts.topRoles).toEqual(['法定代表人', '执行董事']);
    expect(named(env, '孔执董').facts.rulesMet).toEqual([]);
    expect(ratioOf(env, '施一')).toBeCloseTo(0.2, 12);
    const env2017 = await owners({ firm: firm.N, rules: 'cn-2017' });
    expect(env2017.findings.filter((f) => f.facts.beneficialOwner).map((f) => f.subject.name).sort()).toEqual(['华财务', '曹经理'].sort());
    expect(named(env2017, '华财务').evidence.chains).toEqual([
      { kind: 'role', path: [expect.objectContaining({ name: '华财务' }), expect.objectContaining({ key: firm.N })], edges: [{ type: 'OFFICER_OF', role: '财务负责人' }], product: null },
    ]);
  });

  it('two persons of the same name with different ID numbers stay two findings with their own keys and ratios', async () => {
    const env = await owners({ firm: firm.T });
    const zhang = env.findings.filter((f) => f.subject.name === '张伟');
    expect(zhang).toHaveLength(2);
    expect(new Set(zhang.map((f) => f.subject.key)).size).toBe(2);
    expect(zhang.map((f) => f.subject.key).every((k) => k.startsWith('P-'))).toBe(true);
    expect(zhang.map((f) => f.facts.effectiveRatio)).toEqual([0.3, 0.2]);
    for (const f of zhang) expect(f.facts.identifier).toMatch(/^3201\*{10}\d{3}[\dX]$/);
    expect(zhang[0]!.facts.identifier).not.toBe(zhang[1]!.facts.identifier);
  });

  it('agreement control (协议控制) makes a person without shares a beneficial owner, with the basis named', async () => {
    const env = await owners({ firm: firm.W });
    const c = named(env, '魏实控');
    expect(c.facts).toMatchObject({ effectiveRatio: 0, rulesMet: ['control'], controlBases: ['agreement'], beneficialOwner: true });
    expect(c.evidence.chains).toEqual([
      {
        kind: 'control',
        path: [expect.objectContaining({ name: '魏实控' }), expect.objectContaining({ key: firm.W })],
        edges: [{ type: 'CONTROLS', basis: 'agreement', basisText: '协议控制', validFrom: '2018-01-01' }],
        product: null,
      },
    ]);
    expect(rulesOf(env, '陶名义')).toEqual(['threshold', 'control']);
  });

  it('spouses whose holdings (15% + 12%) together reach 25% control jointly, the family tie as evidence', async () => {
    const env = await owners({ firm: firm.Y });
    for (const name of ['姜夫', '戚妻']) {
      const f = named(env, name);
      expect(f.facts).toMatchObject({ rulesMet: ['control'], controlBases: ['family'], beneficialOwner: true });
      expect(f.facts.familyGroupRatio).toBeCloseTo(0.27, 12);
      expect(f.evidence.chains.find((c) => c.kind === 'family')!.edges[0]).toMatchObject({ type: 'RELATED_TO', basis: 'family', basisText: '亲属（配偶）' });
    }
    expect(rulesOf(env, '谢甲')).toEqual([]);
    // Somebody meets a rule, so the last-resort rule does not apply.
    expect(env.findings.some((f) => (f.facts.rulesMet as string[]).includes('senior-manager'))).toBe(false);
  });

  it('a small holding beside a spouse who qualifies alone is not named for the tie (金大 50%, his wife 张伟 20%)', async () => {
    const env = await owners({ firm: firm.T });
    expect(rulesOf(env, '金大')).toEqual(['threshold']);
    const wife = env.findings.find((f) => f.subject.name === '张伟' && f.facts.effectiveRatio === 0.2)!;
    expect(wife.facts).toMatchObject({ rulesMet: [], control: false, familyGroupRatio: 0.7 });
  });

  it('a top-level holder that is not a person (a state body) is listed with its ratio and is not a beneficial owner; the manager is named', async () => {
    const env = await owners({ firm: firm.Z });
    const state = named(env, '测试市国有资产监督管理委员会');
    expect(state.subject).toEqual({ kind: 'COMPANY', key: firm.G0, name: '测试市国有资产监督管理委员会' });
    expect(state.facts).toMatchObject({ effectiveRatio: 1, rulesMet: ['threshold', 'control'], beneficialOwner: false });
    expect(rulesOf(env, '柏经理')).toEqual(['senior-manager']);
  });
});

describe('beneficial-owners: naming the firm and the day', () => {
  it('accepts the exact name for the key and says which firm it resolved to', async () => {
    const env = await owners({ firm: '测试戊直持有限公司' });
    expect(env.about!.key).toBe(firm.E1);
    expect(env.params).toMatchObject({ firm: '测试戊直持有限公司', rules: 'cn-2024', threshold: 0.25 });
  });

  it('refuses a name two firms bear and lists both keys; an unknown name is NOT_FOUND', async () => {
    await expect(owners({ firm: '测试重名有限公司' })).rejects.toMatchObject({
      code: 'AMBIGUOUS',
      candidates: [expect.objectContaining({ key: 'U-TESTSAMENAME1' }), expect.objectContaining({ key: 'U-TESTSAMENAME2' })],
    });
    await expect(owners({ firm: '测试不存在有限公司' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('rejects bad parameters naming the one at fault', async () => {
    await expect(owners({ firm: firm.A, rules: 'cn-2030' })).rejects.toMatchObject({ code: 'BAD_PARAMS', message: expect.stringContaining('rules') });
    await expect(owners({ firm: firm.A, asOf: '2024-02-30' })).rejects.toMatchObject({ code: 'BAD_PARAMS', message: expect.stringContaining('asOf') });
    await expect(owners({ firm: firm.A, threshold: 1.5 })).rejects.toMatchObject({ code: 'BAD_PARAMS', message: expect.stringContaining('threshold') });
  });

  it('asOf answers from validFrom/validTo: the old holder before the change, the new one from its day (validTo is exclusive) and now', async () => {
    const holders = async (asOf?: string) => (await owners({ firm: 'U-TESTHISTORY', ...(asOf ? { asOf } : {}) })).findings.map((f) => f.subject.name);
    expect(await holders('2019-01-01')).toEqual(['旧股东']);
    expect(await holders('2020-06-29')).toEqual(['旧股东']);
    expect(await holders('2020-06-30')).toEqual(['新股东']);
    expect(await holders()).toEqual(['新股东']);
    expect(await holders('2014-12-31')).toEqual([]);
  });
});

describe('beneficial-owners: limits are reported, never taken for absence', () => {
  it('a depth cap stops before the top of a deep chain: no owner found, and the envelope says depth', async () => {
    const env = await owners({ firm: firm.L1, maxDepth: 2 });
    expect(env.findings).toEqual([]);
    expect(env.exhaustive).toBe(false);
    expect(env.limitsHit).toEqual(['depth']);
    const full = await owners({ firm: firm.L1 });
    expect(full.exhaustive).toBe(true);
    expect(named(full, '水深').facts.effectiveRatio).toBe(1);
  });

  it('a fan-out (hub) cap names the firm whose holders were cut, on the envelope and on every finding', async () => {
    const env = await owners({ firm: firm.N, fanOut: 2 });
    expect(env.limitsHit).toEqual([`fanOut:${firm.N}`]);
    expect(env.findings.filter((f) => f.subject.name.startsWith('施'))).toHaveLength(2);
    for (const f of env.findings) expect(f).toMatchObject({ exhaustive: false, limitsHit: [`fanOut:${firm.N}`] });
  });

  it('a node cap stops the search and says nodes', async () => {
    const env = await owners({ firm: firm.D, maxNodes: 3 });
    expect(env.exhaustive).toBe(false);
    expect(env.limitsHit).toEqual(['nodes']);
  });

  it('a time budget stops the search after the first hop and says time', async () => {
    const env = await owners({ firm: firm.L1, timeoutMs: 0 });
    expect(env.exhaustive).toBe(false);
    expect(env.limitsHit).toEqual(['time']);
  });

  it('a holding of unknown ratio on the way makes that holder’s figure a lower bound (unknownRatio), not the others’', async () => {
    const env = await owners({ firm: 'U-TESTUNKNOWN' });
    expect(named(env, '未知甲')).toMatchObject({ exhaustive: false, limitsHit: ['unknownRatio'], facts: { effectiveRatio: 0, ratioUnknownOnPath: true } });
    expect(named(env, '未知甲').evidence.chains[0]!.product).toBeNull();
    expect(named(env, '未知乙')).toMatchObject({ exhaustive: true, limitsHit: [], facts: { effectiveRatio: 0.2 } });
    expect(env).toMatchObject({ exhaustive: false, limitsHit: ['unknownRatio'] });
  });
});
