import { describe, expect, it } from 'vitest';
import type { Network } from '../../web/src/api.ts';
import {
  edgeList,
  edgesOf,
  emptyGraph,
  isExpanded,
  loadNetwork,
  mergeNetwork,
  nodeList,
  select,
} from '../../web/src/graph/graphState.ts';

// The demo chain: 王建国 80% → 汇金控股 60% → 鑫融投资 70% → 鑫融财富.
const WANG = 'P-wang';
const HUIJIN = '91320100MA1HUIJIN1';
const TOUZI = '91320100MA1TOUZI01';
const CAIFU = '91320100MA1CAIFU01';

function holds(source: string, target: string, ratio: number | null) {
  return { id: `HOLDS_SHARES:${source}:${target}`, type: 'HOLDS_SHARES' as const, source, target, ratio, role: null };
}

const aroundCaifu: Network = {
  nodes: [
    { id: CAIFU, kind: 'COMPANY', label: '南京鑫融财富管理有限公司', status: '存续', inactive: false, center: true },
    { id: TOUZI, kind: 'COMPANY', label: '南京鑫融投资管理有限公司', status: '存续', inactive: false, center: false },
    { id: HUIJIN, kind: 'COMPANY', label: '江苏汇金控股集团有限公司', status: null, inactive: false, center: false },
  ],
  edges: [holds(TOUZI, CAIFU, 0.7), holds(HUIJIN, TOUZI, 0.6)],
  exhaustive: true,
  limitsHit: [],
};

const aroundHuijin: Network = {
  nodes: [
    { id: HUIJIN, kind: 'COMPANY', label: '江苏汇金控股集团有限公司', status: '存续', inactive: false, center: true },
    { id: WANG, kind: 'PERSON', label: '王建国', status: null, inactive: false, center: false },
    { id: TOUZI, kind: 'COMPANY', label: '南京鑫融投资管理有限公司', status: '存续', inactive: false, center: false },
  ],
  edges: [
    holds(WANG, HUIJIN, 0.8),
    holds(HUIJIN, TOUZI, 0.6),
    { id: `LEGAL_REPRESENTATIVE_OF:${WANG}:${HUIJIN}`, type: 'LEGAL_REPRESENTATIVE_OF', source: WANG, target: HUIJIN, ratio: null, role: null },
  ],
  exhaustive: false,
  limitsHit: ['nodes'],
};

describe('graph state', () => {
  it('loads a network around its centre and selects the centre', () => {
    const g = loadNetwork(aroundCaifu, CAIFU);
    expect(g.centerId).toBe(CAIFU);
    expect(g.selectedId).toBe(CAIFU);
    expect(nodeList(g).map((n) => n.id)).toEqual([CAIFU, TOUZI, HUIJIN]);
    expect(edgeList(g)).toHaveLength(2);
    expect(g.exhaustive).toBe(true);
    expect(g.expansions).toEqual([]);
  });

  it('merges an expansion without duplicating nodes or edges and keeps the first centre', () => {
    const g0 = loadNetwork(aroundCaifu, CAIFU);
    const g1 = mergeNetwork(g0, aroundHuijin, { id: HUIJIN, depth: 1 });
    expect(nodeList(g1).map((n) => n.id)).toEqual([CAIFU, TOUZI, HUIJIN, WANG]);
    expect(edgeList(g1).map((e) => e.id).sort()).toEqual(
      [
        `HOLDS_SHARES:${HUIJIN}:${TOUZI}`,
        `HOLDS_SHARES:${TOUZI}:${CAIFU}`,
        `HOLDS_SHARES:${WANG}:${HUIJIN}`,
        `LEGAL_REPRESENTATIVE_OF:${WANG}:${HUIJIN}`,
      ].sort(),
    );
    expect(g1.centerId).toBe(CAIFU);
    // The earlier answer lacked 汇金's status; the later one fills it in.
    expect(g1.nodes.get(HUIJIN)?.status).toBe('存续');
    // The state is replaced, not mutated, so React sees the change.
    expect(g0.nodes.size).toBe(3);
  });

  it('is idempotent: merging the same network twice changes nothing', () => {
    const once = mergeNetwork(loadNetwork(aroundCaifu, CAIFU), aroundHuijin);
    const twice = mergeNetwork(once, aroundHuijin);
    expect(twice.nodes.size).toBe(once.nodes.size);
    expect(twice.edges.size).toBe(once.edges.size);
    expect(twice.limitsHit).toEqual(['nodes']);
  });

  it('records expansions in order with the nodes each one added', () => {
    const g0 = loadNetwork(aroundCaifu, CAIFU);
    const g1 = mergeNetwork(g0, aroundHuijin, { id: HUIJIN, depth: 1 });
    const g2 = mergeNetwork(g1, aroundHuijin, { id: TOUZI, depth: 1 });
    expect(g2.expansions).toEqual([
      { id: HUIJIN, depth: 1, addedNodes: [WANG] },
      { id: TOUZI, depth: 1, addedNodes: [] },
    ]);
    expect(isExpanded(g2, HUIJIN)).toBe(true);
    expect(isExpanded(g2, TOUZI)).toBe(true);
    expect(isExpanded(g2, CAIFU)).toBe(false);
  });

  it('carries a cut-short network into the state', () => {
    const g = mergeNetwork(loadNetwork(aroundCaifu, CAIFU), aroundHuijin);
    expect(g.exhaustive).toBe(false);
    expect(g.limitsHit).toEqual(['nodes']);
  });

  it('drops edges whose ends are not in the graph', () => {
    const g = loadNetwork(
      { ...aroundCaifu, edges: [...aroundCaifu.edges, holds('P-missing', CAIFU, 0.3)] },
      CAIFU,
    );
    expect(edgeList(g)).toHaveLength(2);
  });

  it('selects only drawn nodes', () => {
    const g = loadNetwork(aroundCaifu, CAIFU);
    expect(select(g, TOUZI).selectedId).toBe(TOUZI);
    expect(select(g, 'not-drawn').selectedId).toBeNull();
    expect(select(g, null).selectedId).toBeNull();
    expect(select(g, CAIFU)).toBe(g);
  });

  it('lists the edges touching a node', () => {
    const g = mergeNetwork(loadNetwork(aroundCaifu, CAIFU), aroundHuijin);
    expect(edgesOf(g, HUIJIN).map((e) => e.source).sort()).toEqual([HUIJIN, WANG, WANG].sort());
  });

  it('starts empty', () => {
    const g = emptyGraph();
    expect(g.nodes.size).toBe(0);
    expect(g.centerId).toBeNull();
    expect(g.exhaustive).toBe(true);
  });
});
