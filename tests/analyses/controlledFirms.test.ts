import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../cypher/run.ts';
import { runAnalysis } from '../../analyses/index.ts';
import { envelope as envelopeSchema, type Envelope } from '../../analyses/envelope.ts';
import { loadFixtures } from '../support/fixtures.ts';

/**
 * Controlled firms — the reverse of beneficial owners — on the same hand-built structures
 * (tests/fixtures/analyses/README.md).
 */

const fixtures = path.resolve('tests/fixtures/analyses');
const firm = {
  A: '91320100MA1TA00012',
  B: '91320100MA1TA00025',
  S: '91320100MA1TA0004B',
  M1: '91320100MA1TA0008P',
  M2: '91320100MA1TA0009T',
  M3: '91320100MA1TA00100',
  E2: '91320100MA1TA00126',
  K3: '91320100MA1TA00139',
  W: '91320100MA1TA0017M',
  L3: '91320100MA1TA0023A',
  L4: '91320100MA1TA0024D',
};
let graph: Graph;

beforeAll(async () => {
  graph = await loadFixtures(fixtures, ['registrations', 'shareholders', 'officers', 'relations'], ['history.cypher']);
});
afterAll(async () => {
  await graph.close();
});

const controlled = (params: Record<string, unknown>) => runAnalysis(graph, 'controlled-firms', params);
const rows = (env: Envelope) => env.findings.map((f) => [f.subject.key, +(f.facts.effectiveRatio as number).toFixed(12), f.facts.rulesMet]);

describe('controlled-firms', () => {
  it('from a person in a cross-holding cycle: the firms held at or above 25% or controlled, walks round the cycle summed once', async () => {
    const env = await controlled({ person: '周一' });
    expect(envelopeSchema.parse(env)).toEqual(env);
    expect(env.about).toMatchObject({ kind: 'PERSON', name: '周一' });
    expect(env.about!.key).toMatch(/^P-/);
    expect(rows(env)).toEqual([
      [firm.A, +(0.7 / 0.91).toFixed(12), ['threshold', 'control']],
      [firm.B, +(0.42 / 0.91).toFixed(12), ['threshold', 'control']],
    ]);
    const a = env.findings[0]!;
    expect(a.facts.roles).toEqual(['法定代表人', '董事长']);
    expect(a.evidence.subgraph!.nodes.map((n) => n.key).sort()).toEqual([env.about!.key, firm.A, firm.B, '91320100MA1TA00038'].sort());
    expect(env.exhaustive).toBe(true);
  });

  it('a majority chain is control down every step, whatever the effective ratio (51% → 26.01% → 13.27%)', async () => {
    const env = await controlled({ person: '沈十' });
    expect(rows(env)).toEqual([
      [firm.M1, 0.51, ['threshold', 'control']],
      [firm.M2, +(0.51 ** 2).toFixed(12), ['threshold', 'control']],
      [firm.M3, +(0.51 ** 3).toFixed(12), ['control']],
    ]);
    expect(env.findings[2]!.facts.controlBases).toEqual(['majority']);
    expect(env.findings[2]!.evidence.chains.find((c) => c.kind === 'control')!.path.map((n) => n.key)).toEqual([env.about!.key, firm.M1, firm.M2, firm.M3]);
  });

  it('runs from a firm as well, named by its exact name', async () => {
    const env = await controlled({ firm: '测试丁一控股有限公司' });
    expect(env.about).toEqual({ kind: 'COMPANY', key: firm.M1, name: '测试丁一控股有限公司' });
    expect(rows(env)).toEqual([
      [firm.M2, 0.51, ['threshold', 'control']],
      [firm.M3, +(0.51 ** 2).toFixed(12), ['threshold', 'control']],
    ]);
  });

  it('a firm holding its own shares is not listed as controlled by itself', async () => {
    const env = await controlled({ firm: firm.S });
    expect(env.findings).toEqual([]);
    expect(rows(await controlled({ person: '王四' }))).toEqual([[firm.S, 0.55, ['threshold', 'control']]]);
  });

  it('25% reached as the floating-point sum 30%×75% + 10%×25% is listed under cn-2024 and not under cn-2017', async () => {
    expect(rows(await controlled({ person: '许十六' }))).toEqual([
      [firm.K3, 0.3, ['threshold']],
      [firm.E2, 0.25, ['threshold']],
    ]);
    expect(rows(await controlled({ person: '许十六', rules: 'cn-2017' }))).toEqual([[firm.K3, 0.3, ['threshold']]]);
  });

  it('non-equity control (协议控制) is listed with its basis, without any shares', async () => {
    const env = await controlled({ person: '魏实控' });
    expect(env.findings.map((f) => [f.subject.key, f.facts.rulesMet, f.facts.controlBases, f.facts.effectiveRatio])).toEqual([[firm.W, ['control'], ['agreement'], 0]]);
  });

  it('asks which person when a name is borne by two, and wants exactly one of person and firm', async () => {
    await expect(controlled({ person: '张伟' })).rejects.toMatchObject({ code: 'AMBIGUOUS', candidates: [expect.anything(), expect.anything()] });
    await expect(controlled({ person: '周一', firm: firm.A })).rejects.toMatchObject({ code: 'BAD_PARAMS' });
    await expect(controlled({})).rejects.toMatchObject({ code: 'BAD_PARAMS' });
  });

  it('asOf answers from validFrom/validTo', async () => {
    expect((await controlled({ person: '旧股东', asOf: '2019-01-01' })).findings.map((f) => f.subject.key)).toEqual(['U-TESTHISTORY']);
    expect((await controlled({ person: '旧股东' })).findings).toEqual([]);
  });
});

describe('controlled-firms: limits are reported, never taken for absence', () => {
  it('a depth cap lists what it reached and says depth', async () => {
    const env = await controlled({ person: '水深', maxDepth: 2 });
    expect(env.findings.map((f) => f.subject.key).sort()).toEqual([firm.L3, firm.L4].sort());
    expect(env).toMatchObject({ exhaustive: false, limitsHit: ['depth'] });
    expect(env.findings.every((f) => !f.exhaustive && f.limitsHit.includes('depth'))).toBe(true);
  });

  it('a fan-out (hub) cap names the entity whose holdings were cut', async () => {
    const env = await controlled({ person: '许十六', fanOut: 1 });
    expect(env.limitsHit).toEqual([`fanOut:${env.about!.key}`]);
    expect(env.findings.map((f) => f.subject.key)).toEqual([firm.K3]);
  });

  it('a node cap says nodes', async () => {
    const env = await controlled({ person: '沈十', maxNodes: 2 });
    expect(env).toMatchObject({ exhaustive: false, limitsHit: ['nodes'] });
    expect(env.findings.map((f) => f.subject.key)).toEqual([firm.M1]);
  });

  it('a time budget says time', async () => {
    const env = await controlled({ person: '水深', timeoutMs: 0 });
    expect(env).toMatchObject({ exhaustive: false, limitsHit: ['time'] });
    expect(env.findings.map((f) => f.subject.key)).toEqual([firm.L4]);
  });

  it('a firm reached through a holding of unknown ratio is listed as possibly held (unknownRatio), not left out', async () => {
    const env = await controlled({ person: '未知甲' });
    expect(env.findings.map((f) => [f.subject.key, f.facts.rulesMet, f.facts.ratioUnknownOnPath, f.limitsHit])).toEqual([
      ['U-TESTUNKNOWNPARENT', ['threshold', 'control'], false, []],
      ['U-TESTUNKNOWN', [], true, ['unknownRatio']],
    ]);
    expect(env).toMatchObject({ exhaustive: false, limitsHit: ['unknownRatio'] });
  });
});
