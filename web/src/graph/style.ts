// How the network looks, as data: colours, the Cytoscape stylesheet, the layouts and the labels
// drawn on elements. Only types come from cytoscape here, so the stylesheet can be used by the
// explorer, the exports and the UI benchmark alike.

import type { LayoutOptions, StylesheetJson } from 'cytoscape';
import { formatPercent } from '../format.ts';
import type { Graph, GraphEdge, LayoutName, NodeKind, RelationType, View, VisibleGraph } from './graphState.ts';

/** Shared with the legend so the key always matches the drawing. */
export const palette = {
  companyFill: '#e4eefa',
  companyBorder: '#2f6fb5',
  companyText: '#123a66',
  personFill: '#f08a24',
  personBorder: '#b86210',
  personText: '#4a2a08',
  otherFill: '#eef3ea',
  otherBorder: '#5d8a4a',
  otherText: '#2f4a24',
  listFill: '#fde8e8',
  listBorder: '#b3261e',
  flaggedFill: '#fde2e0',
  flagged: '#c62828',
  inactiveFill: '#eff1f3',
  inactiveBorder: '#9aa3ad',
  inactiveText: '#6f7882',
  center: '#0b2545',
  selected: '#f5b700',
  pinned: '#6a1b9a',
  groupFill: '#f4f0fa',
  groupBorder: '#7e57c2',
  groupText: '#4527a0',
  path: '#d81b60',
  holds: '#5b7fa6',
  holdsMajor: '#24476e',
  legalRep: '#c0620f',
  officer: '#8a939e',
  control: '#7b1fa2',
  contact: '#6d8f5e',
  /** Hand-entered case relations (专案): leads, not registry evidence, so never in an evidence colour. */
  handRelation: '#7c3aed',
  edgeText: '#2b3440',
} as const;

/** The canvas labels' font: the CJK faces a Chinese desktop or Debian's fonts-noto-cjk provides, ASCII names only (cytoscape-svg reads it with an ASCII pattern). */
export const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

/** A holding at or above this fraction is drawn heavier: a majority stake confers control. */
export const MAJORITY = 0.5;

/**
 * Below this size on screen a label is not drawn at all: a clerk cannot read it, and on a big
 * network zoomed out the labels would only be noise (and cost frames). Zoom in and they appear.
 */
export const MIN_LABEL_PX = 11;
export const NODE_FONT_PX = 14;
export const EDGE_FONT_PX = 12;

/** Names for kinds and types, in the reader's language (graph/explorer/vocabulary.ts). */
export interface Naming {
  type: (type: RelationType) => string;
  /** '+312 股权' for a supernode's undrawn relationships of one type. */
  more: (count: number, type: RelationType) => string;
}

export function edgeLabel(edge: Pick<GraphEdge, 'type' | 'ratio' | 'role'>, naming: Naming): string {
  if (edge.type === 'HOLDS_SHARES') return edge.ratio == null ? naming.type('HOLDS_SHARES') : formatPercent(edge.ratio);
  if (edge.type === 'OFFICER_OF') return edge.role ?? naming.type('OFFICER_OF');
  return naming.type(edge.type);
}

/** What the canvas draws for a node; every field is a primitive so the canvas can diff cheaply. */
export interface CanvasNode {
  id: string;
  /** GROUP: an investigator's group (编组), a box around its members or, collapsed, one node. */
  kind: NodeKind | 'GROUP';
  /** The group box a node is drawn in (graph/explorer/groups.ts). */
  parent?: string;
  /** Of a group: drawn as one node in place of its members. */
  collapsed?: boolean;
  /** The name, and for a supernode its undrawn relationships counted. */
  label: string;
  name: string;
  status: string;
  inactive: boolean;
  flagged: boolean;
  center: boolean;
  expanded: boolean;
  supernode: boolean;
  pinned: boolean;
  path: boolean;
}

/** One relationship as drawn: a line in the label of the edge between its two entities. */
export interface CanvasRelation {
  id: string;
  type: RelationType;
  label: string;
}

/**
 * One drawn line per ordered pair of entities. A holder is often also the legal representative and
 * an officer of the same firm; three parallel curves with three labels collide, so they are drawn
 * as one line with the labels stacked ('80.00%' / '法定代表人' / '董事长'), as registry charts do.
 */
export interface CanvasEdge {
  id: string;
  source: string;
  target: string;
  /** The weightiest relationship, which sets the line style. */
  type: RelationType;
  label: string;
  major: boolean;
  path: boolean;
  relations: CanvasRelation[];
}

export interface CanvasData {
  nodes: CanvasNode[];
  edges: CanvasEdge[];
  /** True while paths are shown: what is not on a path is faded. */
  paths: boolean;
}

const WEIGHT: Partial<Record<RelationType, number>> = { CONTROLS: 0, HOLDS_SHARES: 1, LEGAL_REPRESENTATIVE_OF: 2, OFFICER_OF: 3 };
const weight = (type: RelationType) => WEIGHT[type] ?? 9;

/** The canvas id of the drawn line between two nodes (the canvas groups relationships by pair). */
export const pairId = (source: string, target: string) => `${source}->${target}`;

export function toCanvasData(graph: Graph, visible: VisibleGraph, view: View, naming: Naming): CanvasData {
  const centres = new Set(view.centres);
  const pinned = new Set(view.pinned);
  const expanded = new Set([...view.expanded, ...Object.keys(view.opened)]);
  const nodes: CanvasNode[] = visible.nodes.map((node) => {
    const summary = node.supernode ? supernodeSummary(node.hiddenNeighbours, naming) : '';
    return {
      id: node.id,
      kind: node.kind,
      label: summary ? `${node.label}\n${summary}` : node.label,
      name: node.label,
      status: node.status ?? '',
      // 吊销 (revoked) and 注销 (deregistered) firms stay in the graph but must not look like live ones.
      inactive: node.kind === 'COMPANY' && node.inactive,
      flagged: node.flagged,
      center: centres.has(node.id),
      expanded: expanded.has(node.id),
      supernode: node.supernode,
      pinned: pinned.has(node.id),
      path: graph.pathNodes.has(node.id),
    };
  });
  const pairs = new Map<string, CanvasEdge>();
  for (const edge of visible.edges) {
    const id = pairId(edge.source, edge.target);
    const relation: CanvasRelation = { id: edge.id, type: edge.type, label: edgeLabel(edge, naming) };
    const major = edge.type === 'HOLDS_SHARES' && edge.ratio != null && edge.ratio >= MAJORITY;
    const path = graph.pathEdges.has(edge.id);
    const pair = pairs.get(id);
    if (!pair) {
      pairs.set(id, { id, source: edge.source, target: edge.target, type: edge.type, label: '', major, path, relations: [relation] });
      continue;
    }
    pair.relations.push(relation);
    pair.major ||= major;
    pair.path ||= path;
  }
  const edges = [...pairs.values()];
  for (const edge of edges) {
    edge.relations.sort((a, b) => weight(a.type) - weight(b.type));
    edge.type = edge.relations[0]!.type;
    edge.label = edge.relations.map((r) => r.label).join('\n');
  }
  return { nodes, edges, paths: graph.pathNodes.size > 0 };
}

/** '+312 持股 · +40 任职': a supernode's undrawn relationships by type, largest first. */
export function supernodeSummary(hidden: readonly { type: RelationType; count: number }[], naming: Naming): string {
  const byType = new Map<RelationType, number>();
  for (const h of hidden) byType.set(h.type, (byType.get(h.type) ?? 0) + h.count);
  return [...byType]
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([type, count]) => naming.more(count, type))
    .join(' · ');
}

export const stylesheet: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'font-family': FONT,
      'font-size': NODE_FONT_PX,
      'text-wrap': 'wrap',
      'min-zoomed-font-size': MIN_LABEL_PX,
      'overlay-opacity': 0,
      shape: 'round-rectangle',
      width: 40,
      height: 28,
      'background-color': palette.otherFill,
      'border-width': 1.5,
      'border-color': palette.otherBorder,
      color: palette.otherText,
      'text-valign': 'bottom',
      'text-halign': 'center',
      'text-margin-y': 4,
      'text-max-width': '160px',
    },
  },
  {
    // Firms: blue round-rectangles with the name inside, the way registry charts draw them.
    selector: 'node[kind = "COMPANY"]',
    style: {
      width: 176,
      height: 52,
      'background-color': palette.companyFill,
      'border-color': palette.companyBorder,
      color: palette.companyText,
      'text-valign': 'center',
      'text-margin-y': 0,
      'text-max-width': '162px',
    },
  },
  {
    // People: orange discs with the name above, so they read apart from firms at a glance.
    selector: 'node[kind = "PERSON"]',
    style: {
      shape: 'ellipse',
      width: 36,
      height: 36,
      'background-color': palette.personFill,
      'border-color': palette.personBorder,
      color: palette.personText,
      'text-valign': 'top',
      'text-margin-y': -4,
      'text-max-width': '120px',
    },
  },
  { selector: 'node[kind = "ADDRESS"]', style: { shape: 'tag', width: 34, height: 30 } },
  { selector: 'node[kind = "PHONE"], node[kind = "EMAIL"], node[kind = "WEBSITE"]', style: { shape: 'diamond', width: 30, height: 30 } },
  {
    selector: 'node[kind = "LIST_ENTRY"]',
    style: { shape: 'octagon', width: 34, height: 34, 'background-color': palette.listFill, 'border-color': palette.listBorder, color: palette.flagged },
  },
  {
    // A group (编组): a dashed box around its members with its name on top, apart from every entity kind.
    selector: 'node[kind = "GROUP"]',
    style: {
      shape: 'round-rectangle',
      'background-color': palette.groupFill,
      'background-opacity': 0.6,
      'border-color': palette.groupBorder,
      'border-style': 'dashed',
      'border-width': 2,
      color: palette.groupText,
      'font-weight': 'bold',
      'text-valign': 'top',
      'text-margin-y': -4,
      'text-max-width': '240px',
      padding: '16px',
    },
  },
  {
    // Collapsed, the group stands for its members: one solid node, its name and count inside.
    selector: 'node[kind = "GROUP"][?collapsed]',
    style: { width: 150, height: 56, 'border-style': 'solid', 'border-width': 3, 'background-opacity': 1, 'text-valign': 'center', 'text-margin-y': 0 },
  },
  {
    // Revoked/deregistered shells stay visible (the people behind them matter) but look dead.
    selector: 'node[?inactive]',
    style: {
      'background-color': palette.inactiveFill,
      'border-color': palette.inactiveBorder,
      'border-style': 'dashed',
      color: palette.inactiveText,
    },
  },
  {
    // On a list or in a case: unmistakable, whatever its registration status.
    selector: 'node[?flagged]',
    style: { 'background-color': palette.flaggedFill, 'border-color': palette.flagged, 'border-width': 3, color: palette.flagged },
  },
  {
    // A summarised supernode: a double border says "there is more here".
    selector: 'node[?supernode]',
    style: { 'border-style': 'double', 'border-width': 5 },
  },
  {
    // The entity the investigation started from must be findable in any layout.
    selector: 'node[?center]',
    style: { 'border-width': 4, 'border-color': palette.center, 'font-weight': 'bold' },
  },
  {
    selector: 'node[?pinned]',
    style: { 'outline-width': 3, 'outline-color': palette.pinned, 'outline-offset': 3, 'outline-style': 'solid' } as Record<string, unknown>,
  },
  {
    selector: 'edge',
    style: {
      // Bezier keeps opposite edges of a cross-holding (A holds B, B holds A) apart.
      'curve-style': 'bezier',
      width: 1.5,
      // Every relationship points from the holder/actor to the firm, as in DOMAIN.md.
      'target-arrow-shape': 'triangle',
      'arrow-scale': 1.1,
      label: 'data(label)',
      'font-family': FONT,
      'font-size': EDGE_FONT_PX,
      'text-wrap': 'wrap',
      color: palette.edgeText,
      // An opaque plate keeps percentages legible where edges cross.
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.9,
      'text-background-padding': '2px',
      'text-background-shape': 'roundrectangle',
      'min-zoomed-font-size': MIN_LABEL_PX,
      'line-color': palette.contact,
      'target-arrow-color': palette.contact,
      'overlay-opacity': 0,
    },
  },
  { selector: 'edge[type = "HOLDS_SHARES"]', style: { 'line-color': palette.holds, 'target-arrow-color': palette.holds } },
  {
    // Majority holdings are the control chain an investigator traces first.
    selector: 'edge[?major]',
    style: { width: 3, 'line-color': palette.holdsMajor, 'target-arrow-color': palette.holdsMajor, 'font-weight': 'bold' },
  },
  {
    // Dashed: a legal representative is a role, not an ownership stake.
    selector: 'edge[type = "LEGAL_REPRESENTATIVE_OF"]',
    style: { 'line-color': palette.legalRep, 'target-arrow-color': palette.legalRep, 'line-style': 'dashed' },
  },
  {
    // Dotted and grey: officer roles are context, kept quieter than ownership.
    selector: 'edge[type = "OFFICER_OF"]',
    style: { 'line-color': palette.officer, 'target-arrow-color': palette.officer, 'line-style': 'dotted' },
  },
  { selector: 'edge[type = "CONTROLS"]', style: { width: 3, 'line-color': palette.control, 'target-arrow-color': palette.control } },
  { selector: 'edge[type = "FLAGGED"]', style: { 'line-color': palette.flagged, 'target-arrow-color': palette.flagged, 'line-style': 'dashed' } },
  {
    // A relation an investigator entered by hand in a case: violet and dashed, its label marked ✍, so it never reads as imported evidence.
    selector: 'edge[?hand]',
    style: { width: 2.5, 'line-color': palette.handRelation, 'target-arrow-color': palette.handRelation, 'line-style': 'dashed', 'line-dash-pattern': [8, 4], color: palette.handRelation },
  },
  // While paths are shown, what is not on one recedes.
  { selector: '.faded', style: { opacity: 0.25 } },
  {
    selector: 'node[?path]',
    style: { 'underlay-color': palette.path, 'underlay-opacity': 0.35, 'underlay-padding': 6 },
  },
  {
    selector: 'edge[?path]',
    style: { width: 4, 'line-color': palette.path, 'target-arrow-color': palette.path, 'line-style': 'solid', color: palette.path, 'font-weight': 'bold' },
  },
  // Last, so the selection halo shows over a path's.
  {
    // A halo, so it never hides the centre, revoked or flagged styling underneath.
    selector: 'node:selected',
    style: { 'underlay-color': palette.selected, 'underlay-opacity': 0.6, 'underlay-padding': 8, 'underlay-shape': 'round-rectangle' },
  },
  { selector: 'node:selected[kind = "PERSON"]', style: { 'underlay-shape': 'ellipse' } },
  { selector: 'edge:selected', style: { 'underlay-color': palette.selected, 'underlay-opacity': 0.6, 'underlay-padding': 5 } },
];

/** Padding around a fitted drawing, in screen pixels. */
export const FIT_PADDING = 40;

/**
 * fCoSE for networks (compact, few crossings), ELK layered for ownership (holders above the firms
 * they hold). Neither fits: the canvas fits afterwards, the same way the "fit" button does.
 * Pinned nodes are held where they are (fCoSE's fixed-node constraint; ELK leaves locked nodes).
 */
/**
 * Above this many nodes fCoSE's force-directed pass is too slow to wait for (its cost grows with
 * about the square of the nodes: 2.5 s at 500, over 100 s of CPU at 2,000, BENCHMARKS.md), and its
 * spectral start alone piles the network up; such networks get the 'spread' layout
 * (graph/spreadLayout.ts): the spectral start stretched and settled by d3-force.
 */
export const LARGE_NETWORK = 300;

/** The length a link settles at in both layouts of a network, so a network that grows past LARGE_NETWORK keeps its scale. */
const EDGE_LENGTH = 130;

export function layoutOptions(
  layout: LayoutName,
  incremental: boolean,
  fixed: { nodeId: string; position: { x: number; y: number } }[],
  nodeCount = 0,
): LayoutOptions {
  if (layout === 'elk') {
    return {
      name: 'elk',
      fit: false,
      animate: false,
      nodeDimensionsIncludeLabels: true,
      elk: {
        algorithm: 'layered',
        'elk.direction': 'DOWN',
        'elk.spacing.nodeNode': 36,
        'elk.layered.spacing.nodeNodeBetweenLayers': 70,
        'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
        // Groups (compound nodes) are laid out with the rest, so a holding into a group still points down.
        'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      },
    } as LayoutOptions;
  }
  if (nodeCount > LARGE_NETWORK) {
    return { name: 'spread', incremental, fit: false, animate: false, idealEdgeLength: EDGE_LENGTH, fixed } as unknown as LayoutOptions;
  }
  return {
    name: 'fcose',
    // Growing a network keeps what was read where it was; the first drawing starts from scratch.
    quality: incremental ? 'proof' : 'default',
    randomize: !incremental,
    animate: false,
    fit: false,
    nodeDimensionsIncludeLabels: true,
    idealEdgeLength: EDGE_LENGTH,
    nodeRepulsion: 9000,
    nodeSeparation: 90,
    fixedNodeConstraint: fixed.length ? fixed : undefined,
  } as LayoutOptions;
}
