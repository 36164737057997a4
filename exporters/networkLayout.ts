import cytoscape, { type ElementDefinition } from 'cytoscape';
import type { EntityKind, Subgraph } from '../analyses/envelope.ts';

/**
 * Where each entity of a report's network goes on paper. The one exporter module that runs
 * cytoscape (headless: no canvas, no DOM), so the printed picture uses the layouts the screen uses.
 *
 * Ownership networks are drawn layered, holders above the firms they hold, as a registry's
 * 股权穿透图 reads top to bottom: cytoscape's directed breadthfirst decides each entity's level and
 * the left-to-right order; the levels are then packed by the boxes' real widths, since
 * breadthfirst spreads every level over the whole bounding box and leaves wide gaps or overlaps.
 * Other networks (shared addresses, phones, same-person hints) have no up and down: 'cose', or for
 * big ones 'concentric' (hubs in the middle), which takes a fraction of a second where cose takes minutes.
 */

export interface NodeBox {
  width: number;
  height: number;
}

/** Firm boxes are wide enough for a two-line name; persons are discs with the name above. */
export function nodeBox(kind: EntityKind): NodeBox {
  if (kind === 'COMPANY') return { width: 156, height: 46 };
  if (kind === 'PERSON') return { width: 34, height: 34 };
  return { width: 132, height: 38 };
}

/** Room a node takes in a row: a person's name is wider than its disc. */
function footprint(kind: EntityKind): number {
  return kind === 'PERSON' ? 96 : nodeBox(kind).width;
}

export interface NetworkLayout {
  layout: 'layered' | 'cose' | 'concentric';
  /** Centre of each entity, by key. */
  positions: Map<string, { x: number; y: number }>;
}

// Relationships that point from the one who holds, acts or is listed toward what it points at:
// drawn downward. Contact links and same-person hints are symmetric in meaning and would only
// push one of two equals below the other, so they do not shape the levels.
const downward = new Set(['HOLDS_SHARES', 'CONTROLS', 'LEGAL_REPRESENTATIVE_OF', 'OFFICER_OF', 'FLAGGED', 'BRANCH_OF', 'MEMBER_OF', 'APPROVED_BY', 'HAS_CHANGE', 'FILED_BO']);
const ownership = new Set(['HOLDS_SHARES', 'CONTROLS']);

/**
 * cose is quadratic in the entities per iteration: 100 took 2 s and 300 took 25 s on the 2-core
 * test machine under load. Above this a contact network is drawn in rings by degree instead.
 */
const MAX_COSE_NODES = 150;

const spacing = {
  /** Vertical distance between levels: a firm box plus an edge label between them. */
  rank: 130,
  gap: 40,
  /** A level wider than this is folded over several rows, so a person behind 300 firms stays on paper. */
  maxRowWidth: 1400,
  fold: 70,
};

/** An ownership network has holdings or control, and is mostly relationships that point down. */
export function isOwnershipNetwork(network: Subgraph): boolean {
  const edges = network.edges;
  if (!edges.some((e) => ownership.has(e.type))) return false;
  return edges.filter((e) => downward.has(e.type)).length * 2 >= edges.length;
}

export function networkLayout(network: Subgraph): NetworkLayout {
  const kinds = new Map(network.nodes.map((n) => [n.key, n.kind]));
  if (kinds.size === 0) return { layout: 'layered', positions: new Map() };
  const layered = isOwnershipNetwork(network);
  const shaping = network.edges.filter((e) => kinds.has(e.source) && kinds.has(e.target) && e.source !== e.target && (!layered || downward.has(e.type)));

  const elements: ElementDefinition[] = [
    ...[...kinds].map(([key, kind]) => ({ group: 'nodes' as const, data: { id: key, ...nodeBox(kind) } })),
    ...shaping.map((e, i) => ({ group: 'edges' as const, data: { id: `e${i}`, source: e.source, target: e.target } })),
  ];
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    // Layouts read node sizes from the style; headless has no stylesheet unless given one.
    style: [{ selector: 'node', style: { width: 'data(width)', height: 'data(height)' } }],
    elements,
  });
  try {
    if (layered) {
      const incoming = new Set(shaping.map((e) => e.target));
      const roots = cy.nodes().filter((n) => !incoming.has(n.id()));
      cy.layout({
        name: 'breadthfirst',
        directed: true,
        // Entities nothing points at are the top: the natural persons and the holding firms at the top of the chains.
        roots: roots.nonempty() ? roots : undefined,
        boundingBox: { x1: 0, y1: 0, w: 1000, h: 1000 },
        // The positions are repacked by level below: overlap avoidance here would only cost time.
        avoidOverlap: false,
        animate: false,
      } as cytoscape.LayoutOptions).run();
      return { layout: 'layered', positions: packLevels(cy.nodes().map((n) => ({ key: n.id(), ...n.position() })), kinds) };
    }
    if (kinds.size > MAX_COSE_NODES) {
      cy.layout({
        name: 'concentric',
        // The most connected entities (the hubs a contact network is about) in the middle.
        concentric: (n: cytoscape.NodeSingular) => n.degree(false),
        levelWidth: () => 1,
        avoidOverlap: true,
        minNodeSpacing: 24,
        animate: false,
      } as cytoscape.LayoutOptions).run();
      return { layout: 'concentric', positions: new Map(cy.nodes().map((n) => [n.id(), { ...n.position() }])) };
    }
    cy.layout({
      name: 'cose',
      animate: false,
      // Seeded positions would need a random source that repeats; cose's own start is good enough on paper.
      randomize: true,
      nodeRepulsion: () => 12000,
      idealEdgeLength: () => 110,
      numIter: 1000,
      nodeDimensionsIncludeLabels: false,
      fit: false,
    } as cytoscape.LayoutOptions).run();
    return { layout: 'cose', positions: new Map(cy.nodes().map((n) => [n.id(), { ...n.position() }])) };
  } finally {
    cy.destroy();
  }
}

/** breadthfirst's levels (one y each) and order within a level (x), placed side by side by width. */
function packLevels(placed: { key: string; x: number; y: number }[], kinds: Map<string, EntityKind>): Map<string, { x: number; y: number }> {
  const levels = new Map<number, { key: string; x: number }[]>();
  for (const p of placed) {
    const y = Math.round(p.y);
    if (!levels.has(y)) levels.set(y, []);
    levels.get(y)!.push(p);
  }
  const positions = new Map<string, { x: number; y: number }>();
  let y = 0;
  for (const level of [...levels.keys()].sort((a, b) => a - b)) {
    const row = levels.get(level)!.sort((a, b) => a.x - b.x || a.key.localeCompare(b.key));
    const widths = row.map((p) => footprint(kinds.get(p.key)!));
    const total = widths.reduce((s, w) => s + w, 0) + spacing.gap * (row.length - 1);
    // Folded rows keep the left-to-right order: entry i goes to sub-row i mod k.
    const folds = Math.max(1, Math.ceil(total / spacing.maxRowWidth));
    for (let f = 0; f < folds; f++) {
      const part = row.filter((_, i) => i % folds === f);
      const partWidths = widths.filter((_, i) => i % folds === f);
      const width = partWidths.reduce((s, w) => s + w, 0) + spacing.gap * (part.length - 1);
      let x = -width / 2 + (f % 2) * (spacing.gap / 2);
      part.forEach((p, i) => {
        positions.set(p.key, { x: x + partWidths[i]! / 2, y: y + f * spacing.fold });
        x += partWidths[i]! + spacing.gap;
      });
    }
    y += (folds - 1) * spacing.fold + spacing.rank;
  }
  return positions;
}
