// A case's saved canvas as plain data, and every change to it as a pure function
// (tests/web/caseCanvas.test.ts). A canvas names its elements by the graph's stable keys and edge
// ids; what it needs to be drawn again exactly as saved (kind, name, relationship type, ratio,
// role) travels in each element's `style` map, so opening a canvas needs no second query and
// shows the picture as it was saved, not as the registry answers today.

import type { CanvasContentInput, CaseCanvasQuery, CaseFileQuery, NeighborhoodQuery, NetworkNodeKind, RelationshipType } from '../../api/generated.ts';
import { edgeLabel, type Naming } from '../../graph/style.ts';

export type SavedContent = CaseCanvasQuery['caseCanvas']['content'];
export type HandRelation = CaseFileQuery['case']['relations']['nodes'][number];
type Network = NeighborhoodQuery['neighborhood'];

export interface WorkingNode {
  key: string;
  x: number;
  y: number;
  hidden: boolean;
  /** The investigator's caption over the name; null shows the name. */
  label: string | null;
  kind: NetworkNodeKind;
  name: string;
  inactive: boolean;
}

export interface WorkingEdge {
  id: string;
  source: string;
  target: string;
  hidden: boolean;
  label: string | null;
  type: RelationshipType;
  ratio: number | null;
  role: string | null;
}

export interface WorkingCanvas {
  nodes: WorkingNode[];
  edges: WorkingEdge[];
}

export const emptyCanvas: WorkingCanvas = { nodes: [], edges: [] };

type StyleMap = Record<string, string | number | boolean>;

function styleOf(value: unknown): StyleMap {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as StyleMap) : {};
}

const text = (value: unknown, fallback: string) => (typeof value === 'string' ? value : fallback);

/** A saved canvas as the editor holds it; an element saved by another client without our style keys still draws (by its key). */
export function fromSaved(content: SavedContent): WorkingCanvas {
  return {
    nodes: content.nodes.map((n) => {
      const style = styleOf(n.style);
      return {
        key: n.key,
        x: n.x,
        y: n.y,
        hidden: n.hidden,
        label: n.label,
        kind: text(style.kind, 'COMPANY') as NetworkNodeKind,
        name: text(style.name, n.key),
        inactive: style.inactive === true,
      };
    }),
    edges: content.edges.map((e) => {
      const style = styleOf(e.style);
      return {
        id: e.id,
        source: e.source,
        target: e.target,
        hidden: e.hidden,
        label: e.label,
        // The id begins with the type (TYPE:source->target…), as the network names its edges.
        type: text(style.type, e.id.split(':')[0] ?? 'RELATED_TO') as RelationshipType,
        ratio: typeof style.ratio === 'number' ? style.ratio : null,
        role: typeof style.role === 'string' ? style.role : null,
      };
    }),
  };
}

/** Positions are kept to a tenth of a unit: what is saved is what the editor holds, to the digit. */
const place = (value: number) => Math.round(value * 10) / 10;

/** What the API stores; `positions` are where the nodes are drawn now (dragged since loading). */
export function toInput(canvas: WorkingCanvas, positions: ReadonlyMap<string, { x: number; y: number }> = new Map()): CanvasContentInput {
  return {
    nodes: canvas.nodes.map((n) => {
      const at = positions.get(n.key) ?? n;
      const style: StyleMap = { kind: n.kind, name: n.name };
      if (n.inactive) style.inactive = true;
      return { key: n.key, x: place(at.x), y: place(at.y), hidden: n.hidden, label: n.label, style };
    }),
    edges: canvas.edges.map((e) => {
      const style: StyleMap = { type: e.type };
      if (e.ratio != null) style.ratio = e.ratio;
      if (e.role != null) style.role = e.role;
      return { id: e.id, source: e.source, target: e.target, hidden: e.hidden, label: e.label, style };
    }),
  };
}

/** Positions read back from the drawing, kept in the working canvas (before hiding, adding, saving). */
export function withPositions(canvas: WorkingCanvas, positions: ReadonlyMap<string, { x: number; y: number }>): WorkingCanvas {
  if (positions.size === 0) return canvas;
  return { ...canvas, nodes: canvas.nodes.map((n) => {
    const at = positions.get(n.key);
    return at ? { ...n, x: place(at.x), y: place(at.y) } : n;
  }) };
}

/** Ring spacing: enough for a firm's 176 px box between neighbours on the ring. */
const RING_GAP = 200;

/**
 * Adds a network answer (the entities around one entity) to a canvas: what is already there stays
 * where it is; new entities go on a ring around the entity asked about, so the picture grows
 * around it instead of being shuffled.
 */
export function addNetwork(canvas: WorkingCanvas, network: Network, centreKey: string): WorkingCanvas {
  const present = new Map(canvas.nodes.map((n) => [n.key, n]));
  const centreNode = network.nodes.find((n) => n.id === centreKey || n.key === centreKey || n.center);
  const centreId = centreNode?.id ?? centreKey;
  const anchor = present.get(centreId) ?? { x: canvas.nodes.length ? Math.max(...canvas.nodes.map((n) => n.x)) + 3 * RING_GAP : 0, y: 0 };
  const fresh = network.nodes.filter((n) => !present.has(n.id));
  const nodes = [...canvas.nodes];
  const ring = fresh.filter((n) => n.id !== centreId);
  const radius = Math.max(RING_GAP * 1.5, (ring.length * RING_GAP) / (2 * Math.PI));
  for (const n of fresh) {
    const i = ring.indexOf(n);
    const angle = (2 * Math.PI * i) / Math.max(ring.length, 1) - Math.PI / 2;
    const at = n.id === centreId ? anchor : { x: anchor.x + radius * Math.cos(angle), y: anchor.y + radius * Math.sin(angle) };
    nodes.push({ key: n.id, x: Math.round(at.x), y: Math.round(at.y), hidden: false, label: null, kind: n.kind, name: n.label, inactive: n.inactive });
  }
  // The entity asked about is shown again if it was hidden: the user asked for it.
  const shown = nodes.map((n) => (n.key === centreId && n.hidden ? { ...n, hidden: false } : n));
  const keys = new Set(shown.map((n) => n.key));
  const edgeIds = new Set(canvas.edges.map((e) => e.id));
  const edges = [...canvas.edges];
  for (const e of network.edges) {
    if (edgeIds.has(e.id) || !keys.has(e.source) || !keys.has(e.target)) continue;
    edges.push({ id: e.id, source: e.source, target: e.target, hidden: false, label: null, type: e.type, ratio: e.ratio, role: e.role });
  }
  return { nodes: shown, edges };
}

export function hideNodes(canvas: WorkingCanvas, keys: readonly string[]): WorkingCanvas {
  const hide = new Set(keys);
  if (!canvas.nodes.some((n) => hide.has(n.key) && !n.hidden)) return canvas;
  return { ...canvas, nodes: canvas.nodes.map((n) => (hide.has(n.key) ? { ...n, hidden: true } : n)) };
}

export function showAll(canvas: WorkingCanvas): WorkingCanvas {
  if (!canvas.nodes.some((n) => n.hidden) && !canvas.edges.some((e) => e.hidden)) return canvas;
  return { nodes: canvas.nodes.map((n) => ({ ...n, hidden: false })), edges: canvas.edges.map((e) => ({ ...e, hidden: false })) };
}

/** The data the case canvas draws: field names the shared stylesheet (graph/style.ts) selects on. */
export interface DrawnNode {
  id: string;
  kind: NetworkNodeKind;
  label: string;
  name: string;
  inactive: boolean;
  x: number;
  y: number;
}

export interface DrawnEdge {
  id: string;
  source: string;
  target: string;
  type: RelationshipType | 'HAND';
  label: string;
  major: boolean;
  /** A hand-entered relation of the case, not imported evidence. */
  hand: boolean;
  /** The hand-entered relation's id (for its details). */
  relationId: string | null;
}

/** The mark a hand-entered relation's label starts with, drawn in a font every desktop has (DejaVu ✍). */
export const HAND_MARK = '✍';

/**
 * What to draw: the visible saved elements, and — when asked — the case's hand-entered relations
 * between two visible entities, as their own edges (never merged into an imported one). Relations
 * with an end not drawn are returned apart, so the screen can say they exist.
 */
export function drawing(canvas: WorkingCanvas, relations: readonly HandRelation[], showHand: boolean, naming: Naming, kindName: (kind: HandRelation['kind']) => string) {
  const visible = canvas.nodes.filter((n) => !n.hidden);
  const drawnKeys = new Set(visible.map((n) => n.key));
  const nodes: DrawnNode[] = visible.map((n) => ({ id: n.key, kind: n.kind, label: n.label ?? n.name, name: n.name, inactive: n.inactive, x: n.x, y: n.y }));
  const edges: DrawnEdge[] = canvas.edges
    .filter((e) => !e.hidden && drawnKeys.has(e.source) && drawnKeys.has(e.target))
    .map((e) => ({
      id: e.id,
      source: e.source,
      target: e.target,
      type: e.type,
      label: e.label ?? edgeLabel(e, naming),
      major: e.type === 'HOLDS_SHARES' && e.ratio != null && e.ratio >= 0.5,
      hand: false,
      relationId: null,
    }));
  const offCanvas: HandRelation[] = [];
  if (showHand) {
    for (const r of relations) {
      if (!drawnKeys.has(r.fromKey) || !drawnKeys.has(r.toKey)) {
        offCanvas.push(r);
        continue;
      }
      edges.push({
        id: handEdgeId(r.id),
        source: r.fromKey,
        target: r.toKey,
        type: 'HAND',
        label: `${HAND_MARK} ${r.kind === 'OTHER' ? r.label : kindName(r.kind)} · ${r.grade}`,
        major: false,
        hand: true,
        relationId: r.id,
      });
    }
  }
  return { nodes, edges, offCanvas, hidden: canvas.nodes.length - visible.length };
}

export const handEdgeId = (relationId: string) => `hand:${relationId}`;
