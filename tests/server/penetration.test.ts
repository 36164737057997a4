import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../cypher/run.ts';
import { runAnalysis } from '../../analyses/index.ts';
import { createApi } from '../../server/yoga.ts';
import { loadFixtures } from '../support/fixtures.ts';
import { signedInClient, testServerParts, type ApiClient } from '../support/server.ts';

/**
 * 股权穿透图 through the API, on the hand-built ownership structures of the beneficial-owners tests
 * (tests/fixtures/analyses/README.md): the ring A→B→C→A, the diamond D, the chain L1←L2←L3←L4←水深.
 */

const firm = {
  A: '91320100MA1TA00012',
  B: '91320100MA1TA00025',
  C: '91320100MA1TA00038',
  D: '91320100MA1TA0005E',
  K2: '91320100MA1TA0007L',
  E1: '91320100MA1TA00113',
  L1: '91320100MA1TA00214',
  L2: '91320100MA1TA00227',
  L3: '91320100MA1TA0023A',
  M1: '91320100MA1TA0008P',
  M2: '91320100MA1TA0009T',
  M3: '91320100MA1TA00100',
};

const TREE = `query($firm: String!, $direction: PenetrationDirection, $levels: Int, $maxChildren: Int, $rules: Rules, $threshold: Float, $asOf: String) {
  penetration(firm: $firm, direction: $direction, levels: $levels, maxChildren: $maxChildren, rules: $rules, threshold: $threshold, asOf: $asOf) {
    root direction ruleSet levels
    nodes { kind key name identifier level effectiveRatio beneficialOwner controller rulesMet ruleSet cutHolders holdersComplete }
    edges { child holder relationship ratio cycle }
    cutByLevel { level holders }
    limitsHit
  }
}`;

interface Node {
  kind: string;
  key: string;
  name: string;
  identifier: string | null;
  level: number;
  effectiveRatio: number;
  beneficialOwner: boolean;
  controller: boolean;
  rulesMet: string[];
  ruleSet: string | null;
  cutHolders: number;
}
interface Edge {
  child: string;
  holder: string;
  relationship: string;
  ratio: number | null;
  cycle: boolean;
}
interface Tree {
  root: string;
  direction: string;
  nodes: Node[];
  edges: Edge[];
  cutByLevel: { level: number; holders: number }[];
}

let graph: Graph;
let investigator: ApiClient;

beforeAll(async () => {
  graph = await loadFixtures(path.resolve('tests/fixtures/analyses'), ['registrations', 'shareholders', 'officers', 'relations', 'boFilings'], ['history.cypher', 'penetrationRevoked.cypher']);
  const parts = testServerParts(graph);
  const api = createApi(parts);
  investigator = await signedInClient((url, init) => api.fetch(url, init), parts.accounts, 'investigator');
});
afterAll(async () => {
  await graph.close();
});

async function tree(variables: Record<string, unknown>): Promise<Tree> {
  const result = await investigator.gql(TREE, variables);
  expect(result.errors).toBeUndefined();
  return result.data!.penetration as Tree;
}
const node = (t: Tree, name: string): Node => {
  const found = t.nodes.filter((n) => n.name === name);
  expect(found).toHaveLength(1);
  return found[0]!;
};
const edge = (t: Tree, child: string, holder: string): Edge => {
  const found = t.edges.filter((e) => e.child === child && e.holder === holder);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('penetration chart of holders', () => {
  it('puts the direct holding on each edge, child to holder', async () => {
    const t = await tree({ firm: firm.A });
    const zhou = node(t, '周一');
    expect(edge(t, firm.A, zhou.key)).toMatchObject({ relationship: 'HOLDS_SHARES', ratio: 0.7, cycle: false });
    expect(edge(t, firm.A, firm.C)).toMatchObject({ ratio: 0.3, cycle: false });
    expect(edge(t, firm.C, firm.B).ratio).toBe(0.5);
    expect(node(t, '测试甲环三有限公司')).toMatchObject({ kind: 'COMPANY', identifier: firm.C, level: 1 });
    // A person is identified by the masked ID number only.
    expect(zhou.identifier).not.toBe('320106197001011036');
    expect(zhou.identifier).toMatch(/\*/);
  });

  it('gives every node the effective % that beneficial-owners reports for the same firm', async () => {
    for (const key of [firm.A, firm.D]) {
      const t = await tree({ firm: key });
      const bo = await runAnalysis(graph, 'beneficial-owners', { firm: key });
      expect(bo.findings.length).toBeGreaterThan(0);
      for (const f of bo.findings) {
        const drawn = t.nodes.find((n) => n.key === f.subject.key);
        if (!drawn) continue;
        expect(drawn.effectiveRatio).toBeCloseTo(f.facts.effectiveRatio as number, 12);
      }
      expect(t.nodes.find((n) => n.key === key)).toMatchObject({ level: 0, effectiveRatio: 1 });
    }
    const ring = await tree({ firm: firm.A });
    expect(node(ring, '周一').effectiveRatio).toBeCloseTo(0.7 / 0.91, 12);
    // An intermediate firm has its integrated ownership too, which beneficial-owners does not list.
    expect(node(ring, '测试甲环三有限公司').effectiveRatio).toBeCloseTo(0.3 / 0.91, 12);
    const diamond = await tree({ firm: firm.D });
    expect(node(diamond, '陈六').effectiveRatio).toBeCloseTo(0.32, 12);
  });

  it('marks the beneficial owner with the rule that makes it so, under the rule set asked for', async () => {
    const ring = await tree({ firm: firm.A });
    // 70% is both the threshold and a majority.
    expect(node(ring, '周一')).toMatchObject({ beneficialOwner: true, controller: true, rulesMet: ['threshold', 'control'], ruleSet: 'cn-2024' });
    expect(node(ring, '吴二')).toMatchObject({ beneficialOwner: false, rulesMet: [], ruleSet: null });
    // 秦十四 holds exactly 25%: 25%以上 under cn-2024, not 超过25% under cn-2017.
    expect(node(await tree({ firm: firm.E1 }), '秦十四')).toMatchObject({ beneficialOwner: true, ruleSet: 'cn-2024' });
    expect(node(await tree({ firm: firm.E1, rules: 'CN_2017' }), '秦十四')).toMatchObject({ beneficialOwner: false, ruleSet: null });
    expect(node(await tree({ firm: firm.E1, rules: 'CN_2017' }), '尤十五')).toMatchObject({ beneficialOwner: true, ruleSet: 'cn-2017' });
  });

  it('returns a cycle as an edge back to the node already drawn, not expanded again', async () => {
    const t = await tree({ firm: firm.A, levels: 6 });
    expect(edge(t, firm.B, firm.A)).toMatchObject({ ratio: 0.6, cycle: true });
    expect(t.nodes.filter((n) => n.key === firm.A)).toHaveLength(1);
    expect(t.nodes.map((n) => n.name).sort()).toEqual(['吴二', '周一', '测试甲环一有限公司', '测试甲环三有限公司', '测试甲环二有限公司', '郑三'].sort());
    expect(t.edges.filter((e) => e.cycle)).toHaveLength(1);
    // A holder reached twice without a cycle (陈六 in the diamond) is one node with two edges, no cycle.
    const d = await tree({ firm: firm.D });
    const chen = node(d, '陈六');
    expect(d.edges.filter((e) => e.holder === chen.key).map((e) => e.cycle)).toEqual([false, false, false]);
  });

  it('stops at the level cap and counts the holders left above it', async () => {
    const t = await tree({ firm: firm.L1, levels: 2 });
    expect(t.nodes.map((n) => [n.key, n.level])).toEqual([
      [firm.L1, 0],
      [firm.L2, 1],
      [firm.L3, 2],
    ]);
    expect(node(t, '测试深三有限公司').cutHolders).toBe(1);
    expect(t.cutByLevel).toEqual([{ level: 3, holders: 1 }]);
    const whole = await tree({ firm: firm.L1, levels: 4 });
    expect(node(whole, '水深').level).toBe(4);
    expect(whole.cutByLevel).toEqual([]);
  });

  it('draws at most maxChildren holders under a node, largest first, and counts the rest', async () => {
    const t = await tree({ firm: firm.D, maxChildren: 2 });
    expect(t.edges.filter((e) => e.child === firm.D).map((e) => e.ratio)).toEqual([0.4, 0.3]);
    expect(t.nodes.find((n) => n.key === firm.D)!.cutHolders).toBe(2);
    expect(node(t, '测试丙二投资有限公司').cutHolders).toBe(0);
    expect(t.cutByLevel).toEqual([{ level: 1, holders: 2 }]);
    // What is not drawn still counts: 陈六's 32% runs partly through the holders left out.
    expect(node(t, '陈六').effectiveRatio).toBeCloseTo(0.32, 12);
  });

  it('over active firms only, neither draws nor expands a revoked holder, counts it as cut, and keeps the effective %', async () => {
    const ACTIVE_TREE = `query($firm: String!, $activeOnly: Boolean) {
      penetration(firm: $firm, activeOnly: $activeOnly) { nodes { key name cutHolders effectiveRatio } edges { child holder } cutByLevel { level holders } inactiveCut }
    }`;
    const run = async (activeOnly: boolean) => {
      const result = await investigator.gql(ACTIVE_TREE, { firm: firm.D, activeOnly });
      expect(result.errors).toBeUndefined();
      return result.data!.penetration as { nodes: { key: string; name: string; cutHolders: number; effectiveRatio: number }[]; edges: { child: string; holder: string }[]; cutByLevel: { level: number; holders: number }[]; inactiveCut: number };
    };
    const all = await run(false);
    expect(all.nodes.map((n) => n.name)).toEqual(expect.arrayContaining(['测试丙一投资有限公司', '卫八']));
    expect(all.inactiveCut).toBe(0);
    const active = await run(true);
    // 卫八 holds D only through the revoked 测试丙一投资: not reached either.
    expect(active.nodes.map((n) => n.name).sort()).toEqual(['测试丙菱形有限公司', '陈六', '测试丙二投资有限公司', '褚七', '蒋九'].sort());
    expect(active.edges.some((e) => e.holder === '91320100MA1TA0006H' || e.child === '91320100MA1TA0006H')).toBe(false);
    expect(active.nodes.find((n) => n.key === firm.D)!.cutHolders).toBe(1);
    expect(active.cutByLevel).toEqual([{ level: 1, holders: 1 }]);
    expect(active.inactiveCut).toBe(1);
    expect(active.nodes.find((n) => n.name === '陈六')!.effectiveRatio).toBeCloseTo(0.32, 12);
  });

  it('refuses bad arguments with BAD_INPUT', async () => {
    for (const variables of [
      { firm: firm.A, levels: 0 },
      { firm: firm.A, levels: 11 },
      { firm: firm.A, maxChildren: 0 },
      { firm: firm.A, threshold: 1.5 },
      { firm: firm.A, asOf: '2024-02-30' },
      { firm: ' ' },
    ]) {
      const result = await investigator.gql(TREE, variables);
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(variables)).toBe('BAD_INPUT');
    }
    const missing = await investigator.gql(TREE, { firm: '91320100MA1TA9999X' });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('penetration chart of investments', () => {
  it('walks down what the firm holds, with the effective % and control that controlled-firms reports', async () => {
    const t = await tree({ firm: firm.M1, direction: 'DOWN' });
    expect(t.nodes.map((n) => [n.key, n.level])).toEqual([
      [firm.M1, 0],
      [firm.M2, 1],
      [firm.M3, 2],
    ]);
    expect(edge(t, firm.M2, firm.M1)).toMatchObject({ ratio: 0.51, cycle: false });
    expect(edge(t, firm.M3, firm.M2).ratio).toBe(0.51);
    expect(node(t, '测试丁三实业有限公司')).toMatchObject({ effectiveRatio: 0.51 * 0.51, controller: true, beneficialOwner: false, ruleSet: 'cn-2024' });
    const cf = await runAnalysis(graph, 'controlled-firms', { firm: firm.M1 });
    for (const f of cf.findings) expect(t.nodes.find((n) => n.key === f.subject.key)!.effectiveRatio).toBeCloseTo(f.facts.effectiveRatio as number, 12);
  });

  it('returns the ring below a firm as a cycle back to the firm', async () => {
    const t = await tree({ firm: firm.A, direction: 'DOWN' });
    expect(t.direction).toBe('DOWN');
    expect(edge(t, firm.B, firm.A)).toMatchObject({ ratio: 0.6, cycle: false });
    expect(edge(t, firm.A, firm.C)).toMatchObject({ ratio: 0.3, cycle: true });
    expect(t.nodes.map((n) => n.key)).toEqual([firm.A, firm.B, firm.C]);
  });
});
