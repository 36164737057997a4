import { describe, expect, it } from 'vitest';
import { spreadPositions } from '../../web/src/graph/spreadLayout.ts';

/** A ring of firms each held by two people: 3n nodes, as an expanded holding group looks. */
function group(firms: number) {
  const nodes: { id: string; width: number; height: number; start: { x: number; y: number } }[] = [];
  const links: { source: string; target: string }[] = [];
  for (let i = 0; i < firms; i++) {
    // The spectral start of a tree-like network: everything within a few pixels.
    nodes.push({ id: `f${i}`, width: 176, height: 52, start: { x: Math.cos(i) * 3, y: Math.sin(i) * 3 } });
    links.push({ source: `f${i}`, target: `f${(i + 1) % firms}` });
    for (const p of [0, 1]) {
      nodes.push({ id: `p${i}-${p}`, width: 36, height: 56, start: { x: Math.cos(i) * 3 + p, y: Math.sin(i) * 3 } });
      links.push({ source: `p${i}-${p}`, target: `f${i}` });
    }
  }
  return { nodes, links };
}

function overlappingPairs(boxes: { x: number; y: number; width: number; height: number }[]): number {
  let count = 0;
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (Math.abs(a.x - b.x) < (a.width + b.width) / 2 && Math.abs(a.y - b.y) < (a.height + b.height) / 2) count++;
    }
  }
  return count;
}

describe('spread layout (big networks)', () => {
  it('spreads a piled-up spectral start over the area the network needs, with almost no boxes on top of each other', () => {
    const { nodes, links } = group(150);
    const piled = overlappingPairs(nodes.map((n) => ({ ...n.start, width: n.width, height: n.height })));
    const positions = spreadPositions(nodes, links, { idealEdgeLength: 130, steps: 80, fixed: new Map(), incremental: false });
    const boxes = nodes.map((n) => ({ ...positions.get(n.id)!, width: n.width, height: n.height }));
    const xs = boxes.map((b) => b.x);
    expect(piled).toBeGreaterThan(nodes.length * 10);
    expect(overlappingPairs(boxes)).toBeLessThan(nodes.length * 0.05);
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(Math.sqrt(nodes.length) * 130 * 0.5);
  });

  it('keeps a pinned node exactly where the investigator put it', () => {
    const { nodes, links } = group(40);
    const pinned = { x: 5000, y: -300 };
    const positions = spreadPositions(nodes, links, { idealEdgeLength: 130, steps: 40, fixed: new Map([['f7', pinned]]), incremental: false });
    expect(positions.get('f7')).toEqual(pinned);
  });

  it('moves a drawn network little when it grows (incremental), and gives every node a finite place', () => {
    const { nodes, links } = group(60);
    const first = spreadPositions(nodes, links, { idealEdgeLength: 130, steps: 80, fixed: new Map(), incremental: false });
    const grown = nodes.map((n) => ({ ...n, start: first.get(n.id)! }));
    grown.push({ id: 'new', width: 36, height: 56, start: { ...first.get('f3')! } });
    const again = spreadPositions(grown, [...links, { source: 'new', target: 'f3' }], { idealEdgeLength: 130, steps: 40, fixed: new Map(), incremental: true });
    const moved = nodes.map((n) => Math.hypot(again.get(n.id)!.x - first.get(n.id)!.x, again.get(n.id)!.y - first.get(n.id)!.y));
    moved.sort((a, b) => a - b);
    expect(moved[Math.floor(moved.length / 2)]).toBeLessThan(130);
    for (const p of again.values()) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
  });
});
