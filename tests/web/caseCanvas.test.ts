import cytoscape from 'cytoscape';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stylesheet, type Naming } from '../../web/src/graph/style.ts';
import {
  addNetwork,
  drawing,
  emptyCanvas,
  fromSaved,
  handEdgeId,
  hideNodes,
  showAll,
  toInput,
  withPositions,
  type HandRelation,
  type SavedContent,
} from '../../web/src/screens/cases/canvasModel.ts';
import { edge, network, node } from './explorerFixtures.ts';

const naming: Naming = { type: (t) => ({ HOLDS_SHARES: '持股', OFFICER_OF: '任职' })[t as string] ?? t, more: (n, t) => `+${n} ${t}` };
const kindName = (kind: string) => ({ SPOUSE: '配偶', ACTUAL_CONTROL: '实际控制' })[kind] ?? kind;

// 汇金 (C1) held 80% by 王 (P1) and 20% by 丽 (P2); 汇金 holds 60% of 投资 (C2).
const around = network(
  [node('C1', 'COMPANY', '汇金', { center: true }), node('P1', 'PERSON', '王'), node('P2', 'PERSON', '丽'), node('C2', 'COMPANY', '投资', { inactive: true })],
  [edge('HOLDS_SHARES', 'P1', 'C1', { ratio: 0.8 }), edge('HOLDS_SHARES', 'P2', 'C1', { ratio: 0.2 }), edge('HOLDS_SHARES', 'C1', 'C2', { ratio: 0.6 }), edge('OFFICER_OF', 'P1', 'C2', { id: 'OFFICER_OF:P1->C2#董事', role: '董事' })],
);

function relation(id: string, fromKey: string, toKey: string, extra: Partial<HandRelation> = {}): HandRelation {
  return {
    id,
    fromKey,
    toKey,
    kind: 'ACTUAL_CONTROL',
    text: null,
    label: '实际控制',
    informant: '线人甲',
    document: null,
    sourceReliability: 'B',
    informationAssessment: 'KNOWN_TO_SOURCE',
    grade: 'B2',
    author: 'test-investigator',
    createdAt: '2026-12-07T10:00:00.000Z',
    ...extra,
  };
}

/** What the API answers for a saved canvas: the input as stored (nulls for what was left out). */
function asSaved(input: ReturnType<typeof toInput>): SavedContent {
  return {
    nodes: input.nodes.map((n) => ({ key: String(n.key), x: n.x, y: n.y, hidden: n.hidden ?? false, label: n.label ?? null, style: n.style })),
    edges: input.edges.map((e) => ({ id: String(e.id), source: String(e.source), target: String(e.target), hidden: e.hidden ?? false, label: e.label ?? null, style: e.style })),
    viewport: null,
  };
}

describe('case canvas model', () => {
  afterEach(() => vi.restoreAllMocks());

  it('saves and reopens a canvas as it was: positions, hidden entities, kinds, names and relationship labels', () => {
    const made = addNetwork(emptyCanvas, around, 'C1');
    const moved = withPositions(hideNodes(made, ['P2']), new Map([['P1', { x: 123.44, y: -40 }]]));
    const reopened = fromSaved(asSaved(toInput(moved)));
    expect(reopened.nodes.find((n) => n.key === 'P1')).toMatchObject({ x: 123.4, y: -40, kind: 'PERSON', name: '王', hidden: false });
    expect(reopened.nodes.find((n) => n.key === 'P2')).toMatchObject({ hidden: true });
    expect(reopened.nodes.find((n) => n.key === 'C2')).toMatchObject({ inactive: true, kind: 'COMPANY' });
    expect(reopened.edges.find((e) => e.id === 'OFFICER_OF:P1->C2#董事')).toMatchObject({ type: 'OFFICER_OF', role: '董事' });

    const drawn = drawing(reopened, [], true, naming, kindName);
    // Hidden entities are not drawn, nor their relationships, but are counted to be shown again.
    expect(drawn.nodes.map((n) => n.id).sort()).toEqual(['C1', 'C2', 'P1']);
    expect(drawn.edges.map((e) => e.source)).not.toContain('P2');
    expect(drawn.hidden).toBe(1);
    expect(drawn.edges.find((e) => e.id === 'HOLDS_SHARES:P1->C1')).toMatchObject({ label: '80.00%', major: true, hand: false });
    expect(drawn.edges.find((e) => e.id === 'OFFICER_OF:P1->C2#董事')?.label).toBe('董事');
    expect(drawing(showAll(reopened), [], true, naming, kindName).hidden).toBe(0);
  });

  it('grows a canvas around an added entity without moving what is already placed', () => {
    const first = addNetwork(emptyCanvas, network([node('C1', 'COMPANY', '汇金', { center: true }), node('P1', 'PERSON', '王')], [edge('HOLDS_SHARES', 'P1', 'C1', { ratio: 0.8 })]), 'C1');
    const placed = withPositions(first, new Map([['P1', { x: 500, y: 500 }]]));
    const grown = addNetwork(placed, around, 'C1');
    expect(grown.nodes.find((n) => n.key === 'P1')).toMatchObject({ x: 500, y: 500 });
    expect(grown.nodes.map((n) => n.key).sort()).toEqual(['C1', 'C2', 'P1', 'P2']);
    // Each relationship once, though both answers hold 王's holding.
    expect(grown.edges.filter((e) => e.id === 'HOLDS_SHARES:P1->C1')).toHaveLength(1);
    expect(new Set(grown.nodes.map((n) => `${n.x},${n.y}`)).size).toBe(4);
  });

  it('draws hand-entered relations as their own edges beside imported ones, marked, graded, and only when asked', () => {
    const canvas = addNetwork(emptyCanvas, around, 'C1');
    const relations = [relation('r1', 'P2', 'C2'), relation('r2', 'P1', 'C1', { kind: 'SPOUSE' }), relation('r3', 'P1', 'ELSEWHERE')];
    const drawn = drawing(canvas, relations, true, naming, kindName);
    const hand = drawn.edges.filter((e) => e.hand);
    expect(hand.map((e) => e.id)).toEqual([handEdgeId('r1'), handEdgeId('r2')]);
    expect(hand[0]).toMatchObject({ source: 'P2', target: 'C2', label: '✍ 实际控制 · B2', relationId: 'r1' });
    // 王's 80% holding of 汇金 stays its own edge next to the hand-entered relation between the same two.
    expect(drawn.edges.find((e) => e.id === 'HOLDS_SHARES:P1->C1')).toMatchObject({ hand: false, label: '80.00%' });
    expect(drawn.offCanvas.map((r) => r.id)).toEqual(['r3']);

    expect(drawing(canvas, relations, false, naming, kindName).edges.some((e) => e.hand)).toBe(false);
    // An end hidden: the relation is not drawn, and said to be off the canvas.
    expect(drawing(hideNodes(canvas, ['P2']), relations, true, naming, kindName).offCanvas.map((r) => r.id)).toEqual(['r1', 'r3']);
  });

  it('styles a hand-entered relation dashed violet with the shared stylesheet, unlike any imported relationship', () => {
    const drawn = drawing(addNetwork(emptyCanvas, around, 'C1'), [relation('r1', 'P1', 'C1')], true, naming, kindName);
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      style: stylesheet,
      elements: [...drawn.nodes.map((n) => ({ group: 'nodes' as const, data: { ...n } })), ...drawn.edges.map((e) => ({ group: 'edges' as const, data: { ...e } }))],
    });
    const hand = cy.getElementById(handEdgeId('r1'));
    const holding = cy.getElementById('HOLDS_SHARES:P1->C1');
    expect(hand.style('line-style')).toBe('dashed');
    expect(hand.style('line-color')).toBe('rgb(124,58,237)');
    expect(holding.style('line-style')).toBe('solid');
    expect(holding.style('line-color')).not.toBe('rgb(124,58,237)');
    cy.destroy();
  });
});
