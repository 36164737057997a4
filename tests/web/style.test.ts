import cytoscape from 'cytoscape';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildGraph, initialView, visibleGraph, type View } from '../../web/src/graph/graphState.ts';
import { edgeLabel, EDGE_FONT_PX, MIN_LABEL_PX, NODE_FONT_PX, stylesheet, supernodeSummary, toCanvasData, type Naming } from '../../web/src/graph/style.ts';
import { edge, network, node } from './explorerFixtures.ts';

const naming: Naming = {
  type: (t) => ({ HOLDS_SHARES: '持股', LEGAL_REPRESENTATIVE_OF: '法定代表人', OFFICER_OF: '任职' })[t as string] ?? t,
  more: (n, t) => `+${n} ${naming.type(t)}`,
};

const around = network(
  [
    node('C1', 'COMPANY', '南京鑫融财富管理有限公司', { center: true }),
    node('C2', 'COMPANY', '南京鑫融投资管理有限公司', { status: '吊销', inactive: true }),
    node('P1', 'PERSON', '王建国'),
    node('L1', 'LIST_ENTRY', '非法集资案件'),
    node('C3', 'COMPANY', '江苏汇金控股集团有限公司', { supernode: true, hiddenNeighbours: [{ type: 'HOLDS_SHARES', kind: 'PERSON', count: 312 }, { type: 'OFFICER_OF', kind: 'PERSON', count: 40 }] }),
  ],
  [
    edge('HOLDS_SHARES', 'C2', 'C1', { ratio: 0.7 }),
    edge('HOLDS_SHARES', 'P1', 'C2', { ratio: 0.2 }),
    edge('HOLDS_SHARES', 'C3', 'C2', { ratio: 0.6 }),
    edge('LEGAL_REPRESENTATIVE_OF', 'P1', 'C1'),
    edge('OFFICER_OF', 'P1', 'C1', { role: '董事长' }),
    edge('FLAGGED', 'C1', 'L1'),
  ],
);

function canvas(view: View = initialView(['C1'])) {
  const graph = buildGraph(view, { centres: [around], expansions: new Map(), opened: new Map(), paths: [] });
  return toCanvasData(graph, visibleGraph(graph, view), view, naming);
}

function headless() {
  const data = canvas();
  return cytoscape({
    headless: true,
    styleEnabled: true,
    style: stylesheet,
    elements: [...data.nodes.map((n) => ({ group: 'nodes' as const, data: { ...n } })), ...data.edges.map((e) => ({ group: 'edges' as const, data: { ...e } }))],
  });
}

describe('explorer stylesheet', () => {
  afterEach(() => vi.restoreAllMocks());

  it('labels holdings with two-decimal percentages and roles with the role', () => {
    expect(edgeLabel({ type: 'HOLDS_SHARES', ratio: 0.6, role: null }, naming)).toBe('60.00%');
    expect(edgeLabel({ type: 'HOLDS_SHARES', ratio: 1 / 3, role: null }, naming)).toBe('33.33%');
    expect(edgeLabel({ type: 'HOLDS_SHARES', ratio: null, role: null }, naming)).toBe('持股');
    expect(edgeLabel({ type: 'OFFICER_OF', ratio: null, role: '监事' }, naming)).toBe('监事');
    expect(edgeLabel({ type: 'LEGAL_REPRESENTATIVE_OF', ratio: null, role: null }, naming)).toBe('法定代表人');
  });

  it('parses without a warning from cytoscape', () => {
    const warn = vi.spyOn(console, 'warn');
    const error = vi.spyOn(console, 'error');
    headless().destroy();
    expect(warn).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
  });

  it('draws firms and people apart, greys inactive firms, marks the centre and flagged firms', () => {
    const cy = headless();
    const firm = cy.getElementById('C1');
    expect(firm.style('shape')).toBe('round-rectangle');
    expect(cy.getElementById('P1').style('shape')).toBe('ellipse');
    expect(cy.getElementById('C2').style('border-style')).toBe('dashed');
    // C1 is on a list (its FLAGGED edge): red, even with list entries filtered out of the drawing.
    expect(cy.getElementById('L1').empty()).toBe(true);
    expect(firm.data('flagged')).toBe(true);
    expect(cy.getElementById('C2').data('flagged')).toBe(false);
    expect(firm.style('border-width')).toBe('4px');
    cy.destroy();
  });

  it('never draws a label smaller than 11px on screen: below that it is hidden', () => {
    const cy = headless();
    for (const element of [cy.getElementById('C1'), cy.getElementById('C2->C1')]) {
      expect(parseFloat(element.style('min-zoomed-font-size'))).toBe(MIN_LABEL_PX);
    }
    expect(MIN_LABEL_PX).toBeGreaterThanOrEqual(11);
    expect(NODE_FONT_PX).toBeGreaterThan(MIN_LABEL_PX);
    expect(EDGE_FONT_PX).toBeGreaterThanOrEqual(MIN_LABEL_PX);
    cy.destroy();
  });

  it('draws the relationships of one pair as one line with stacked labels, the holding first', () => {
    const pair = canvas().edges.find((e) => e.id === 'P1->C1')!;
    expect(pair.label).toBe('法定代表人\n董事长');
    expect(pair.type).toBe('LEGAL_REPRESENTATIVE_OF');
    const cy = headless();
    const holding = cy.getElementById('C2->C1');
    expect(holding.style('label')).toBe('70.00%');
    expect(parseFloat(holding.style('width'))).toBeGreaterThan(parseFloat(cy.getElementById('P1->C2').style('width')));
    cy.destroy();
  });

  it('summarises a supernode with its undrawn relationships counted', () => {
    const c3 = canvas().nodes.find((n) => n.id === 'C3')!;
    expect(c3.supernode).toBe(true);
    expect(c3.label).toBe('江苏汇金控股集团有限公司\n+312 持股 · +40 任职');
    expect(supernodeSummary([], naming)).toBe('');
  });
});
