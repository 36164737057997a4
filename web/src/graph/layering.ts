// A layered (ownership-chart) placement: every relationship points down, from holder or officer to
// the firm, so a control chain reads top to bottom as in a registry's 股权穿透图.
// Cytoscape's breadthfirst layout places nodes by shortest distance from the roots, which puts a
// firm beside its own holder when it is reached by chains of different length, and its `maximal`
// fix-up throws in 3.34 (cytoscape.js#2821). This computes positions for the built-in 'preset'
// layout instead. Plain TypeScript, no cytoscape: tested headless.

export interface LayerInput {
  nodes: readonly { id: string; kind: string }[];
  edges: readonly { source: string; target: string }[];
}

export interface LayerSpacing {
  /** Vertical distance between layers: room for a firm box plus an edge label. */
  rank: number;
  /** Horizontal gap between neighbouring nodes in a layer. */
  gap: number;
  /** Width reserved for a node: a firm box or a person's name beneath its disc. */
  width: (kind: string) => number;

  /** A layer wider than this is staggered over several rows, so a firm with forty holders stays readable. */
  maxRowWidth: number;
  /** Vertical offset between the staggered rows of one layer. */
  stagger: number;
}

export const defaultSpacing: LayerSpacing = {
  rank: 140,
  gap: 48,
  width: (kind) => (kind === 'COMPANY' ? 156 : 96),
  maxRowWidth: 1000,
  stagger: 64,
};

// Each sweep moves nodes toward their neighbours; a few are enough for networks of this size.
const SWEEPS = 4;

export function layeredPositions(
  input: LayerInput,
  spacing: LayerSpacing = defaultSpacing,
): Map<string, { x: number; y: number }> {
  const ids = input.nodes.map((n) => n.id);
  const kinds = new Map(input.nodes.map((n) => [n.id, n.kind]));
  const index = new Map(ids.map((id, i) => [id, i]));
  const succ = new Map<string, Set<string>>(ids.map((id) => [id, new Set()]));
  const pred = new Map<string, Set<string>>(ids.map((id) => [id, new Set()]));
  for (const e of input.edges) {
    if (!index.has(e.source) || !index.has(e.target) || e.source === e.target) continue;
    succ.get(e.source)!.add(e.target);
    pred.get(e.target)!.add(e.source);
  }

  // Cross-holdings (A holds B, B holds A) make cycles; drop the edges that close them so the
  // rest can be layered. Visiting in arrival order keeps the choice stable between redraws.
  const order = topologicalOrder(ids, succ, pred);

  const layer = new Map<string, number>();
  for (const id of order) {
    let l = 0;
    for (const p of pred.get(id)!) l = Math.max(l, (layer.get(p) ?? -1) + 1);
    layer.set(id, l);
  }
  // Pull each node down to just above the highest firm it points at, so an officer of a firm deep
  // in the chain sits beside that firm, not at the top of the picture.
  for (let i = order.length - 1; i >= 0; i--) {
    const id = order[i]!;
    const targets = [...succ.get(id)!];
    if (targets.length === 0) continue;
    const highestTarget = Math.min(...targets.map((t) => layer.get(t)!));
    layer.set(id, Math.max(layer.get(id)!, highestTarget - 1));
  }

  const depth = Math.max(0, ...layer.values());
  const rows: string[][] = Array.from({ length: depth + 1 }, () => []);
  for (const id of ids) rows[layer.get(id)!]!.push(id);

  // Barycentre ordering: place each node near the mean position of its neighbours in the
  // neighbouring layers, alternating downward and upward sweeps, to cut edge crossings.
  const slot = new Map<string, number>();
  const renumber = (row: string[]) => row.forEach((id, i) => slot.set(id, (i + 0.5) / row.length));
  rows.forEach(renumber);
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    const downward = sweep % 2 === 0;
    const sequence = downward ? rows.slice(1) : rows.slice(0, -1).reverse();
    for (const row of sequence) {
      const weight = new Map<string, number>();
      for (const id of row) {
        const neighbours = [...(downward ? pred : succ).get(id)!];
        weight.set(
          id,
          neighbours.length ? neighbours.reduce((s, n) => s + slot.get(n)!, 0) / neighbours.length : slot.get(id)!,
        );
      }
      row.sort((a, b) => weight.get(a)! - weight.get(b)! || index.get(a)! - index.get(b)!);
      renumber(row);
    }
  }

  const positions = new Map<string, { x: number; y: number }>();
  let y = 0;
  for (const row of rows) {
    const widths = row.map((id) => spacing.width(kinds.get(id)!));
    const total = widths.reduce((s, w) => s + w, 0) + spacing.gap * Math.max(0, row.length - 1);
    if (total <= spacing.maxRowWidth) {
      let x = -total / 2;
      row.forEach((id, i) => {
        const w = widths[i]!;
        positions.set(id, { x: x + w / 2, y });
        x += w + spacing.gap;
      });
      y += spacing.rank;
      continue;
    }
    // Staggered: node i goes to row i mod k, so the left-to-right order (and with it the
    // crossing reduction above) is kept while the layer is k times narrower.
    const k = Math.ceil(total / spacing.maxRowWidth);
    const step = (Math.max(...widths) + spacing.gap) / k;
    const left = (-(row.length - 1) * step) / 2;
    row.forEach((id, i) => positions.set(id, { x: left + i * step, y: y + (i % k) * spacing.stagger }));
    y += (k - 1) * spacing.stagger + spacing.rank;
  }
  return positions;
}

/** Kahn's algorithm; when only cycles remain, the earliest-arrived node is freed by dropping its incoming edges. */
function topologicalOrder(
  ids: readonly string[],
  succ: Map<string, Set<string>>,
  pred: Map<string, Set<string>>,
): string[] {
  const remaining = new Map(ids.map((id) => [id, pred.get(id)!.size]));
  const done = new Set<string>();
  const order: string[] = [];
  while (order.length < ids.length) {
    let next = ids.find((id) => !done.has(id) && remaining.get(id) === 0);
    if (next === undefined) {
      next = ids.find((id) => !done.has(id))!;
      for (const p of [...pred.get(next)!]) {
        if (!done.has(p)) {
          pred.get(next)!.delete(p);
          succ.get(p)!.delete(next);
        }
      }
    }
    done.add(next);
    order.push(next);
    for (const s of succ.get(next)!) remaining.set(s, remaining.get(s)! - 1);
  }
  return order;
}
