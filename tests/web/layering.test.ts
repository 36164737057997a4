import { describe, expect, it } from 'vitest';
import { layeredPositions } from '../../web/src/graph/layering.ts';

const firm = (id: string) => ({ id, kind: 'COMPANY' });
const person = (id: string) => ({ id, kind: 'PERSON' });
const edge = (source: string, target: string) => ({ source, target });

function rows(positions: Map<string, { x: number; y: number }>) {
  const byY = new Map<number, string[]>();
  for (const [id, p] of positions) byY.set(p.y, [...(byY.get(p.y) ?? []), id]);
  return [...byY.entries()].sort((a, b) => a[0] - b[0]).map(([, ids]) => ids.sort());
}

describe('layered positions', () => {
  it('draws an ownership chain top to bottom', () => {
    const p = layeredPositions({
      nodes: [firm('caifu'), firm('touzi'), firm('huijin'), person('wang')],
      edges: [edge('touzi', 'caifu'), edge('huijin', 'touzi'), edge('wang', 'huijin')],
    });
    expect(rows(p)).toEqual([['wang'], ['huijin'], ['touzi'], ['caifu']]);
  });

  it('keeps every edge pointing down when chains of different length meet', () => {
    const nodes = [firm('caifu'), firm('touzi'), firm('huijin'), person('wang'), person('chen')];
    const edges = [
      edge('touzi', 'caifu'),
      edge('huijin', 'touzi'),
      edge('wang', 'huijin'),
      edge('wang', 'caifu'),
      edge('chen', 'caifu'),
    ];
    const p = layeredPositions({ nodes, edges });
    for (const e of edges) expect(p.get(e.source)!.y).toBeLessThan(p.get(e.target)!.y);
    // An officer of the bottom firm sits just above it, not at the top of the picture.
    expect(p.get('caifu')!.y - p.get('chen')!.y).toBe(p.get('touzi')!.y - p.get('huijin')!.y);
  });

  it('survives cross-holdings and self-loops', () => {
    const p = layeredPositions({
      nodes: [firm('a'), firm('b'), person('p')],
      edges: [edge('a', 'b'), edge('b', 'a'), edge('p', 'a'), edge('a', 'a')],
    });
    expect(p.size).toBe(3);
    expect(p.get('p')!.y).toBeLessThan(p.get('a')!.y);
  });

  it.each([3, 6, 25])('never overlaps the boxes of %i firms held by one person', (count) => {
    const nodes = [person('p'), ...Array.from({ length: count }, (_, i) => firm(`f${i}`))];
    const p = layeredPositions({ nodes, edges: nodes.slice(1).map((n) => edge('p', n.id)) });
    // Firm boxes are 156 × 46 (style.ts).
    const boxes = nodes.slice(1).map((n) => p.get(n.id)!);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const apart = Math.abs(a.x - b.x) >= 156 || Math.abs(a.y - b.y) >= 46;
        expect(apart, `f${i} and f${j} overlap`).toBe(true);
      }
    }
  });

  it('ignores edges to nodes it was not given', () => {
    const p = layeredPositions({ nodes: [firm('a')], edges: [edge('x', 'a')] });
    expect(p.get('a')).toEqual({ x: 0, y: 0 });
  });
});

describe('wide layers', () => {
  it('staggers a layer wider than the limit over several rows, keeping its order', () => {
    const holders = Array.from({ length: 20 }, (_, i) => person(`p${i}`));
    const p = layeredPositions({
      nodes: [firm('target'), ...holders],
      edges: holders.map((h) => edge(h.id, 'target')),
    });
    const xs = holders.map((h) => p.get(h.id)!);
    const width = Math.max(...xs.map((q) => q.x)) - Math.min(...xs.map((q) => q.x));
    expect(width).toBeLessThanOrEqual(1000);
    expect(new Set(xs.map((q) => q.y)).size).toBeGreaterThan(1);
    // The firm they hold is below every staggered row.
    expect(p.get('target')!.y).toBeGreaterThan(Math.max(...xs.map((q) => q.y)));
    // No two holders share a spot.
    expect(new Set(xs.map((q) => `${q.x},${q.y}`)).size).toBe(holders.length);
  });
});
