import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../cypher/run.ts';
import { runAnalysis } from '../../analyses/index.ts';
import { envelope as envelopeSchema, type Envelope, type Finding } from '../../analyses/envelope.ts';
import { loadFixtures } from '../support/fixtures.ts';

/**
 * Common controllers of a set of firms on the network fixture (tests/fixtures/analyses/paths/README.md):
 * a person behind three case firms through three different routes, a holding company behind two
 * firms with the person behind it, and the Steiner network joining the firms.
 */

const fixtures = path.resolve('tests/fixtures/analyses/paths');
const firm = {
  A: '91320100MA1TP0001N',
  B: '91320100MA1TP0002R',
  C: '91320100MA1TP00053',
  C1: '91320100MA1TP00167',
  C2: '91320100MA1TP0017A',
  C3: '91320100MA1TP0018D',
  D1: '91320100MA1TP0020M',
  D2: '91320100MA1TP0021Q',
};
const HUB = '南京市玄武区测试枢纽路1号';
let graph: Graph;

beforeAll(async () => {
  graph = await loadFixtures(fixtures, ['registrations', 'shareholders', 'officers', 'relations', 'lists']);
});
afterAll(async () => {
  await graph.close();
});

const common = (params: Record<string, unknown>) => runAnalysis(graph, 'common-controllers', params);
const candidates = (env: Envelope) => env.findings.filter((f) => f.facts.finding === 'candidate');
const network = (env: Envelope): Finding => env.findings.find((f) => f.facts.finding === 'network')!;

describe('common-controllers: candidates', () => {
  it('names first the person behind three firms through a majority chain, a nominee and the legal representative', async () => {
    const env = await common({ firms: `${firm.C1},测试案二有限公司，${firm.C3}` });
    expect(envelopeSchema.parse(env)).toEqual(env);
    expect(candidates(env).map((f) => [f.subject.name, f.facts.firmsReached, f.facts.strength])).toEqual([
      ['案控人', 3, 2.5],
      ['小股东', 2, 0.3],
    ]);
    const top = candidates(env)[0]!;
    expect(top.subject.kind).toBe('PERSON');
    expect(top.subject.key).toMatch(/^P-/);
    expect(top.facts.controls).toEqual(['测试案一有限公司', '测试案二有限公司']);
    expect(top.facts.roles).toContain('测试案三有限公司：法定代表人');
    expect(top.facts.firmsNotReached).toEqual([]);
    // Each route is its evidence: the majority chain through the holding company, the nominee
    // agreement, the office.
    const kinds = top.evidence.chains.map((c) => `${c.kind}:${c.path.map((p) => p.name).join('>')}`);
    expect(kinds).toContain('control:案控人>测试案控股有限公司>测试案一有限公司');
    expect(kinds).toContain('control:案控人>测试案二有限公司');
    expect(kinds).toContain('role:案控人>测试案三有限公司');
    expect(top.evidence.chains.find((c) => c.kind === 'control' && c.path.length === 2)!.edges[0]).toMatchObject({ type: 'CONTROLS', basis: 'nominee' });
    expect(env.exhaustive).toBe(true);
  });

  it('lists a holding company after the person who controls it, whatever their equal figures', async () => {
    const env = await common({ firms: [firm.D1, firm.D2] });
    expect(candidates(env).map((f) => [f.subject.name, f.facts.strength, f.facts.controlledBy])).toEqual([
      ['链控人', 2, []],
      ['测试链控股有限公司', 2, ['链控人']],
      ['链外三', 0.222, []],
    ]);
  });

  it('minFirms raises how many of the firms a candidate must reach', async () => {
    const env = await common({ firms: [firm.C1, firm.C2, firm.C3], minFirms: 3 });
    expect(candidates(env).map((f) => f.subject.name)).toEqual(['案控人']);
  });

  it('refuses fewer than two distinct firms and names an unknown one', async () => {
    await expect(common({ firms: [firm.C1, '测试案一有限公司'] })).rejects.toMatchObject({ code: 'BAD_PARAMS' });
    await expect(common({ firms: [firm.C1, '不存在的公司'] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('common-controllers: the network joining the firms', () => {
  it('is a finding of its own: a Steiner tree through the connectors, firm-to-firm paths as chains', async () => {
    const env = await common({ firms: [firm.C1, firm.C2, firm.C3] });
    const net = network(env);
    expect(env.findings.at(-1)).toBe(net);
    expect(net.subject.key).toBe(firm.C1);
    expect(net.facts).toMatchObject({ firmsReached: 3, firmsNotReached: [], networkEdges: 4 });
    expect([...(net.facts.connectors as string[])].sort()).toEqual(['小股东', '案控人'].sort());
    expect(net.evidence.chains.map((c) => c.path.map((p) => p.name))).toEqual([
      ['测试案一有限公司', '小股东', '测试案三有限公司'],
      ['测试案二有限公司', '案控人', '测试案三有限公司'],
    ]);
    expect(net.evidence.subgraph!.edges).toHaveLength(4);
    expect(net.exhaustive).toBe(true);
  });

  it('a firm with no link at all stands alone, established (no cap hit)', async () => {
    const net = network(await common({ firms: [firm.C1, firm.C2, firm.C] }));
    expect(net.facts.firmsNotReached).toEqual(['测试径孤有限公司']);
    expect(net.facts.firmsReached).toBe(2);
    expect(net.limitsHit).toEqual([]);
  });

  it('maxHops that keeps firms apart is named (depth)', async () => {
    const env = await common({ firms: [firm.C1, firm.C2], maxHops: 2 });
    const net = network(env);
    expect(net.facts.firmsNotReached).toEqual(['测试案一有限公司', '测试案二有限公司']);
    expect(net.limitsHit).toEqual(['depth']);
    expect(env.limitsHit).toContain('depth');
    // The candidates come from the walk up, which maxHops does not bound.
    expect(candidates(env)[0]!.subject.name).toBe('案控人');
  });

  it('does not pass through a hub above fanOut, and names it', async () => {
    const net = network(await common({ firms: [firm.A, firm.B], fanOut: 10 }));
    expect(net.evidence.chains[0]!.path).toHaveLength(4);
    expect(net.limitsHit).toEqual([`fanOut:${HUB}`]);
    expect(net.facts.hubsSkipped).toEqual([`${HUB}（12 条关系 / 12 relationships）`]);
  });

  it('the time budget and the entity cap are named where they stopped the search', async () => {
    // C1 and C2 are three hops apart: after the first hop from each, time is up.
    const late = await common({ firms: [firm.C1, firm.C2], timeoutMs: 0 });
    expect(network(late).facts.firmsNotReached).toEqual(['测试案一有限公司', '测试案二有限公司']);
    expect(network(late).limitsHit).toEqual(['time']);
    expect(late.exhaustive).toBe(false);
    const small = await common({ firms: [firm.C1, firm.C2, firm.C3], maxNodes: 4 });
    expect(small.limitsHit).toContain('nodes');
    expect(small.exhaustive).toBe(false);
  });
});
