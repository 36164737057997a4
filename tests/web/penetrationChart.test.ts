import { describe, expect, it } from 'vitest';
import {
  chartElements,
  omissions,
  ROOT_ID,
  toggleCollapsed,
  type ChartText,
  type PenetrationTree,
  type TreeEdge,
  type TreeNode,
} from '../../web/src/graph/penetration/chartElements.ts';
import { nodeHeight } from '../../web/src/graph/penetration/chartStyle.ts';
import { DEFAULT_SETTINGS, readSettings, settingsLink, showMore } from '../../web/src/screens/penetration/chartSettings.ts';
import { paths } from '../../web/src/paths.ts';

const text: ChartText = {
  effective: (p) => `穿透 ${p}`,
  beneficialOwner: '受益所有人',
  controller: (half) => (half === 'up' ? '实际控制人' : '受控企业'),
  more: (n, reason) => (reason === 'levels' ? `继续穿透 …(${n})` : `更多 …(${n})`),
  collapsed: (n) => `＋ 已折叠 ${n} 个`,
  cycle: '（环）',
  control: (basis) => (basis ? `控制（${basis}）` : '控制'),
  unknownRatio: '比例未知',
};

function node(key: string, level: number, effectiveRatio: number, extra: Partial<TreeNode> = {}): TreeNode {
  return {
    kind: key.startsWith('P') ? 'PERSON' : 'COMPANY',
    key,
    name: `名${key}`,
    identifier: null,
    status: '存续',
    level,
    effectiveRatio,
    beneficialOwner: false,
    controller: false,
    rulesMet: [],
    ruleSet: null,
    cutHolders: 0,
    holdersComplete: true,
    ...extra,
  };
}
function edge(child: string, holder: string, ratio: number | null, extra: Partial<TreeEdge> = {}): TreeEdge {
  return { child, holder, relationship: 'HOLDS_SHARES', ratio, basis: null, cycle: false, ...extra };
}
function tree(direction: 'UP' | 'DOWN', nodes: TreeNode[], edges: TreeEdge[], extra: Partial<PenetrationTree> = {}): PenetrationTree {
  return { root: 'A', direction, ruleSet: 'cn-2024', threshold: 0.25, levels: 3, nodes, edges, cutByLevel: [], inactiveCut: 0, limitsHit: [], ...extra };
}

// A ← B (60%) ← P1 (80%), A ← P2 (40%); B also held 20% by C, whose holders are past the last level.
const holders = tree(
  'UP',
  [
    node('A', 0, 1),
    node('B', 1, 0.6),
    node('P2', 1, 0.4, { beneficialOwner: true, rulesMet: ['threshold'], ruleSet: 'cn-2024' }),
    node('P1', 2, 0.48, { beneficialOwner: true, controller: true, rulesMet: ['threshold', 'control'], ruleSet: 'cn-2024' }),
    node('C', 2, 0.12, { cutHolders: 3 }),
  ],
  [edge('A', 'B', 0.6), edge('A', 'P2', 0.4), edge('B', 'P1', 0.8), edge('B', 'C', 0.2)],
  { levels: 2, cutByLevel: [{ level: 3, holders: 3 }] },
);
// A → D (51%) → E (30%); E holds 10% of A: the ring closes back on the charted firm.
const investments = tree(
  'DOWN',
  [node('A', 0, 1), node('D', 1, 0.51, { controller: true, rulesMet: ['control'], ruleSet: 'cn-2024' }), node('E', 2, 0.153)],
  [edge('D', 'A', 0.51), edge('E', 'D', 0.3), edge('A', 'E', 0.1, { cycle: true })],
);

const ids = (model: ReturnType<typeof chartElements>) => model.nodes.map((n) => n.data.id).sort();
const byId = (model: ReturnType<typeof chartElements>, id: string) => model.nodes.find((n) => n.data.id === id)!;

describe('penetration chart elements', () => {
  it('draws holders above and investments below one shared node of the charted firm, edges from holder to held', () => {
    const model = chartElements({ up: holders, down: investments, collapsed: new Set(), text });
    expect(ids(model)).toEqual([ROOT_ID, 'down:D', 'down:E', 'more:up:C', 'up:B', 'up:C', 'up:P1', 'up:P2'].sort());
    expect(model.nodes.filter((n) => n.data.key === 'A')).toHaveLength(1);
    const edges = model.edges.filter((e) => !e.data.more).map((e) => [e.data.source, e.data.target, e.data.label]);
    expect(edges).toEqual(
      expect.arrayContaining([
        ['up:B', ROOT_ID, '60.00%'],
        ['up:P1', 'up:B', '80.00%'],
        [ROOT_ID, 'down:D', '51.00%'],
        ['down:D', 'down:E', '30.00%'],
      ]),
    );
  });

  it('puts the effective % on each node and the marks with their rule set in the label and classes', () => {
    const model = chartElements({ up: holders, down: investments, collapsed: new Set(), text });
    const p1 = byId(model, 'up:P1');
    expect(p1.data.label).toBe('名P1\n穿透 48.00%\n★ 受益所有人 · 实际控制人 (cn-2024)');
    expect(p1.classes).toEqual(expect.arrayContaining(['person', 'beneficial-owner', 'controller']));
    expect(byId(model, 'down:D').data.label).toBe('名D\n穿透 51.00%\n★ 受控企业 (cn-2024)');
    expect(byId(model, 'up:B').classes).not.toContain('beneficial-owner');
  });

  it('draws a cycle as an edge back to the node already drawn, marked as a cycle', () => {
    const model = chartElements({ up: null, down: investments, collapsed: new Set(), text });
    const cycle = model.edges.filter((e) => e.data.cycle);
    expect(cycle).toHaveLength(1);
    expect(cycle[0]!.data).toMatchObject({ source: 'down:E', target: ROOT_ID, label: '10.00% （环）' });
    expect(cycle[0]!.classes).toContain('cycle');
    // The charted firm is not drawn a second time for the ring.
    expect(model.nodes.filter((n) => n.data.key === 'A')).toHaveLength(1);
  });

  it('adds a "more" node where holders were left out, saying whether past the last level or past maxChildren', () => {
    const model = chartElements({ up: holders, down: null, collapsed: new Set(), text });
    const more = byId(model, 'more:up:C');
    expect(more.data).toMatchObject({ kind: 'MORE', moreCount: 3, moreReason: 'levels', label: '继续穿透 …(3)' });
    expect(model.edges.find((e) => e.data.target === 'up:C' && e.data.more)?.data.source).toBe('more:up:C');
    const wide = tree('UP', [node('A', 0, 1, { cutHolders: 7 }), node('B', 1, 0.6)], [edge('A', 'B', 0.6)]);
    const wideModel = chartElements({ up: wide, down: null, collapsed: new Set(), text });
    expect(byId(wideModel, 'more:up:A').data).toMatchObject({ moreReason: 'children', label: '更多 …(7)' });
    // Below the charted firm the "more" node hangs under it.
    const downWide = tree('DOWN', [node('A', 0, 1, { cutHolders: 2 })], []);
    const downModel = chartElements({ up: null, down: downWide, collapsed: new Set(), text });
    expect(downModel.edges[0]!.data).toMatchObject({ source: ROOT_ID, target: 'more:down:A', more: true });
  });

  it('folds what lies beyond a collapsed node and says how many nodes it hides', () => {
    const model = chartElements({ up: holders, down: investments, collapsed: new Set(['up:B']), text });
    expect(ids(model)).toEqual([ROOT_ID, 'down:D', 'down:E', 'up:B', 'up:P2'].sort());
    const b = byId(model, 'up:B');
    expect(b.data).toMatchObject({ collapsed: true, hidden: 2 });
    expect(b.data.label.split('\n').at(-1)).toBe('＋ 已折叠 2 个');
    expect(model.edges.some((e) => e.data.source === 'up:P1' || e.data.target === 'up:C')).toBe(false);
  });

  it('keeps a node reached by another path when one of its branches is collapsed', () => {
    // P holds A directly and through B: folding B leaves P drawn, with only its direct edge.
    const diamond = tree('UP', [node('A', 0, 1), node('B', 1, 0.5), node('P', 1, 0.7)], [edge('A', 'B', 0.5), edge('A', 'P', 0.2), edge('B', 'P', 1)]);
    const model = chartElements({ up: diamond, down: null, collapsed: new Set(['up:B']), text });
    expect(ids(model)).toEqual([ROOT_ID, 'up:B', 'up:P'].sort());
    expect(byId(model, 'up:B').data.hidden).toBe(0);
    expect(model.edges.map((e) => [e.data.source, e.data.target])).toEqual([
      ['up:B', ROOT_ID],
      ['up:P', ROOT_ID],
    ]);
  });

  it('writes each % on a stretch of line its edge does not share with another', () => {
    // P holds A directly and through B; A has two holders drawn, B one.
    const diamond = tree('UP', [node('A', 0, 1), node('B', 1, 0.5), node('P', 1, 0.7), node('Q', 2, 0)], [edge('A', 'B', 0.5), edge('A', 'P', 0.2), edge('B', 'P', 1)]);
    const labelAt = (model: ReturnType<typeof chartElements>) =>
      Object.fromEntries(model.edges.map((e) => [`${e.data.source}>${e.data.target}`, e.classes.find((c) => c.startsWith('label-'))]));
    expect(labelAt(chartElements({ up: diamond, down: null, collapsed: new Set(), text }))).toEqual({
      [`up:B>${ROOT_ID}`]: 'label-source',
      [`up:P>${ROOT_ID}`]: 'label-middle',
      'up:P>up:B': 'label-target',
    });
    // Below the firm, the % sits above the firm held; the cycle keeps its own label in the middle of its curve.
    const below = labelAt(chartElements({ up: null, down: investments, collapsed: new Set(), text }));
    expect(below).toEqual({ [`${ROOT_ID}>down:D`]: 'label-target', 'down:D>down:E': 'label-target', [`down:E>${ROOT_ID}`]: undefined });
  });

  it('marks ended firms inactive, and never lets the charted firm be collapsed', () => {
    const t = tree('UP', [node('A', 0, 1), node('B', 1, 0.6, { status: '吊销，未注销' })], [edge('A', 'B', 0.6)]);
    expect(byId(chartElements({ up: t, down: null, collapsed: new Set(), text }), 'up:B').classes).toContain('inactive');
    expect(toggleCollapsed([], ROOT_ID)).toEqual([]);
    expect(toggleCollapsed(['up:B'], 'up:B')).toEqual([]);
    expect(toggleCollapsed(['up:C'], 'up:B')).toEqual(['up:B', 'up:C']);
    expect(toggleCollapsed([], 'more:up:B')).toEqual([]);
  });

  it('labels a control edge by its basis and an unknown ratio as unknown', () => {
    const t = tree('UP', [node('A', 0, 1), node('P', 1, 0), node('Q', 1, 0)], [edge('A', 'P', null, { relationship: 'CONTROLS', basis: '代持' }), edge('A', 'Q', null)]);
    const labels = chartElements({ up: t, down: null, collapsed: new Set(), text }).edges.map((e) => e.data.label);
    expect(labels).toEqual(['控制（代持）', '比例未知']);
  });

  it('sums what is left out over both halves for the notice', () => {
    const down = tree('DOWN', [node('A', 0, 1)], [], { cutByLevel: [{ level: 1, holders: 2 }], inactiveCut: 2, limitsHit: ['nodes'] });
    expect(omissions(holders, down)).toEqual({ cutUp: 3, cutDown: 2, inactiveCut: 2, limitsHit: ['nodes'] });
  });

  it('makes a node tall enough for a long name wrapped over two lines', () => {
    expect(nodeHeight('短名\n穿透 10.00%')).toBeLessThan(nodeHeight('江苏省南京市某某某某某某投资管理有限责任公司\n穿透 10.00%'));
  });
});

describe('penetration chart URL', () => {
  it('writes only what differs from the defaults and reads it back', () => {
    const settings = { ...DEFAULT_SETTINGS, threshold: 0.3, activeOnly: true, rules: 'cn-2017' as const, levelsDown: 0, collapsed: ['up:B'], selected: 'up:P1' };
    const url = paths.penetration('913200004159528472', settingsLink(settings));
    expect(url).toBe('/penetration/913200004159528472?down=0&threshold=0.3&active=1&rules=cn-2017&collapsed=up%3AB&sel=up%3AP1');
    expect(readSettings(new URL(url, 'http://x').searchParams)).toEqual(settings);
    expect(paths.penetration('K', settingsLink(DEFAULT_SETTINGS))).toBe('/penetration/K');
  });

  it('keeps a hand-edited link within bounds', () => {
    const settings = readSettings(new URLSearchParams('up=40&down=-1&threshold=9&maxUp=0&rules=x'));
    expect(settings).toMatchObject({ levelsUp: 10, levelsDown: 0, threshold: 0.5, maxChildrenUp: 1, rules: 'cn-2024' });
  });

  it('shows one half only for a link that asks for one direction', () => {
    expect(readSettings(new URL(paths.penetration('K', { direction: 'up', levels: 4 }), 'http://x').searchParams)).toMatchObject({ levelsUp: 4, levelsDown: 0 });
  });

  it('asks for more branches, or one level more, when a "more" node is clicked', () => {
    expect(showMore(DEFAULT_SETTINGS, 'up', 'children', 7).maxChildrenUp).toBe(27);
    expect(showMore(DEFAULT_SETTINGS, 'down', 'children', 500).maxChildrenDown).toBe(200);
    expect(showMore(DEFAULT_SETTINGS, 'down', 'levels', 3)).toMatchObject({ levelsDown: 3, levelsUp: 3 });
  });
});
