import cytoscape from 'cytoscape';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadNetwork } from '../../web/src/graph/graphState.ts';
import {
  edgeLabel,
  formatRatio,
  layouts,
  stylesheet,
  toCanvasData,
} from '../../web/src/graph/style.ts';

describe('percentage labels', () => {
  it.each([
    [0.6, '60%'],
    [0.7, '70%'],
    [0.8, '80%'],
    [1 / 3, '33.33%'],
    [0.125, '12.5%'],
    [0.07, '7%'],
    [0.33335, '33.34%'],
    [1, '100%'],
    [0, '0%'],
    [0.00001, '<0.01%'],
  ])('%s → %s', (ratio, label) => {
    expect(formatRatio(ratio)).toBe(label);
  });

  it('labels each relationship type in the chosen language', () => {
    expect(edgeLabel({ type: 'HOLDS_SHARES', ratio: 0.6, role: null }, 'zh')).toBe('60%');
    expect(edgeLabel({ type: 'HOLDS_SHARES', ratio: null, role: null }, 'zh')).toBe('持股');
    expect(edgeLabel({ type: 'LEGAL_REPRESENTATIVE_OF', ratio: null, role: null }, 'zh')).toBe('法定代表人');
    expect(edgeLabel({ type: 'LEGAL_REPRESENTATIVE_OF', ratio: null, role: null }, 'en')).toBe('Legal rep.');
    expect(edgeLabel({ type: 'OFFICER_OF', ratio: null, role: '监事' }, 'en')).toBe('监事');
    expect(edgeLabel({ type: 'OFFICER_OF', ratio: null, role: null }, 'zh')).toBe('任职');
  });

});

describe('stylesheet', () => {
  afterEach(() => vi.restoreAllMocks());

  const graph = loadNetwork(
    {
      nodes: [
        { id: 'C1', kind: 'COMPANY', label: '南京鑫融财富管理有限公司', status: '存续', inactive: false, center: true },
        { id: 'C2', kind: 'COMPANY', label: '南京鑫融投资管理有限公司', status: '吊销', inactive: true, center: false },
        { id: 'P1', kind: 'PERSON', label: '王建国', status: null, inactive: false, center: false },
      ],
      edges: [
        { id: 'H:C2:C1', type: 'HOLDS_SHARES', source: 'C2', target: 'C1', ratio: 0.7, role: null },
        { id: 'H:P1:C2', type: 'HOLDS_SHARES', source: 'P1', target: 'C2', ratio: 0.2, role: null },
        { id: 'L:P1:C1', type: 'LEGAL_REPRESENTATIVE_OF', source: 'P1', target: 'C1', ratio: null, role: null },
        { id: 'O:P1:C1', type: 'OFFICER_OF', source: 'P1', target: 'C1', ratio: null, role: '董事长' },
      ],
      exhaustive: true,
      limitsHit: [],
    },
    'C1',
  );

  function headless() {
    const data = toCanvasData(graph, 'zh');
    return cytoscape({
      headless: true,
      styleEnabled: true,
      style: stylesheet,
      elements: [
        ...data.nodes.map((n) => ({ group: 'nodes' as const, data: { ...n } })),
        ...data.edges.map((e) => ({ group: 'edges' as const, data: { ...e } })),
      ],
    });
  }

  it('parses without a warning from cytoscape', () => {
    // Cytoscape reports an invalid property or value with console.warn/error and skips it.
    const warn = vi.spyOn(console, 'warn');
    const error = vi.spyOn(console, 'error');
    const cy = headless();
    expect(warn).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
    cy.destroy();
  });

  it('draws firms and people apart, greys inactive firms and marks the centre', () => {
    const cy = headless();
    const firm = cy.getElementById('C1');
    const revoked = cy.getElementById('C2');
    const person = cy.getElementById('P1');
    expect(firm.style('shape')).toBe('round-rectangle');
    expect(person.style('shape')).toBe('ellipse');
    expect(firm.style('background-color')).not.toBe(person.style('background-color'));
    expect(revoked.style('border-style')).toBe('dashed');
    expect(firm.style('border-width')).toBe('4px');
    expect(firm.style('label')).toBe('南京鑫融财富管理有限公司');
    cy.destroy();
  });

  it('labels holdings with percentages and points edges at the firm', () => {
    const cy = headless();
    const holding = cy.getElementById('C2->C1');
    expect(holding.style('label')).toBe('70%');
    expect(holding.style('target-arrow-shape')).toBe('triangle');
    expect(holding.source().id()).toBe('C2');
    expect(holding.target().id()).toBe('C1');
    // Majority holdings are heavier than minority ones.
    expect(parseFloat(holding.style('width'))).toBeGreaterThan(parseFloat(cy.getElementById('P1->C2').style('width')));
    cy.destroy();
  });

  it('draws the relationships of one pair as one line with stacked labels', () => {
    const data = toCanvasData(graph, 'zh');
    expect(data.edges.map((e) => e.id).sort()).toEqual(['C2->C1', 'P1->C1', 'P1->C2']);
    const pair = data.edges.find((e) => e.id === 'P1->C1')!;
    expect(pair.type).toBe('LEGAL_REPRESENTATIVE_OF');
    expect(pair.label).toBe('法定代表人\n董事长');
    expect(pair.relations.map((r) => r.id)).toEqual(['L:P1:C1', 'O:P1:C1']);
    expect(toCanvasData(graph, 'en').edges.find((e) => e.id === 'P1->C1')!.label).toBe('Legal rep.\n董事长');

    const cy = headless();
    const drawn = cy.getElementById('P1->C1');
    expect(drawn.style('label')).toBe('法定代表人\n董事长');
    expect(drawn.style('line-style')).toBe('dashed');
    cy.destroy();
  });

  it('puts a holding first and lets it set the line style', () => {
    const g = loadNetwork(
      {
        nodes: [
          { id: 'C1', kind: 'COMPANY', label: '汇金', status: '存续', inactive: false, center: true },
          { id: 'P1', kind: 'PERSON', label: '王建国', status: null, inactive: false, center: false },
        ],
        edges: [
          { id: 'O', type: 'OFFICER_OF', source: 'P1', target: 'C1', ratio: null, role: '董事长' },
          { id: 'L', type: 'LEGAL_REPRESENTATIVE_OF', source: 'P1', target: 'C1', ratio: null, role: null },
          { id: 'H', type: 'HOLDS_SHARES', source: 'P1', target: 'C1', ratio: 0.8, role: null },
        ],
        exhaustive: true,
        limitsHit: [],
      },
      'C1',
    );
    const [edge] = toCanvasData(g, 'zh').edges;
    expect(edge).toMatchObject({ type: 'HOLDS_SHARES', major: true, label: '80%\n法定代表人\n董事长' });
  });

  it('runs every layout preset headless', () => {
    const cy = headless();
    for (const options of Object.values(layouts)) {
      expect(() => cy.layout({ ...options, animate: false }).run()).not.toThrow();
    }
    cy.destroy();
  });
});
