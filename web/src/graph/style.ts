// How the network looks, as data: colours, the Cytoscape stylesheet, layout presets and the
// labels drawn on elements. Only types come from cytoscape here; NetworkCanvas is the one module
// that loads it at run time.

import type { LayoutOptions, NodeSingular, StylesheetJson } from 'cytoscape';
import type { EntityKind, RelationshipType } from '../api.ts';
import { translate, type Lang } from '../i18n.ts';
import { isExpanded, type GraphEdge, type GraphState } from './graphState.ts';

/** Shared with the legend and the CSS icons so the key always matches the drawing. */
export const palette = {
  companyFill: '#e4eefa',
  companyBorder: '#2f6fb5',
  companyText: '#123a66',
  personFill: '#f08a24',
  personBorder: '#b86210',
  personText: '#4a2a08',
  inactiveFill: '#eff1f3',
  inactiveBorder: '#9aa3ad',
  inactiveText: '#6f7882',
  center: '#0b2545',
  selected: '#f5b700',
  holds: '#5b7fa6',
  holdsMajor: '#24476e',
  legalRep: '#c0620f',
  officer: '#8a939e',
  edgeText: '#2b3440',
} as const;

const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

/** A holding at or above this fraction is drawn heavier: a majority stake confers control. */
export const MAJORITY = 0.5;

/** 0.6 → '60%', 1/3 → '33.33%': at most two decimals, no trailing zeros, as registers print it. */
export function formatRatio(ratio: number): string {
  const percent = Math.round(ratio * 10000) / 100;
  // A tiny stake must not read as no stake at all.
  if (percent === 0 && ratio > 0) return '<0.01%';
  return `${percent}%`;
}

/** 吊销 (revoked) and 注销 (deregistered) firms stay in the graph but must not look like live ones. */
export function isInactiveStatus(status: string | null): boolean {
  return status != null && (status.includes('吊销') || status.includes('注销'));
}

export function edgeLabel(edge: Pick<GraphEdge, 'type' | 'ratio' | 'role'>, lang: Lang): string {
  switch (edge.type) {
    case 'HOLDS_SHARES':
      return edge.ratio == null ? translate(lang, 'edge.shares') : formatRatio(edge.ratio);
    case 'LEGAL_REPRESENTATIVE_OF':
      return translate(lang, 'edge.legalRep');
    case 'OFFICER_OF':
      return edge.role ?? translate(lang, 'edge.officer');
  }
}

/** What the canvas draws for a node; every field is a primitive so the canvas can diff cheaply. */
export interface CanvasNode {
  id: string;
  kind: EntityKind;
  label: string;
  status: string;
  inactive: boolean;
  center: boolean;
  expanded: boolean;
  /** Position in the order the server returned nodes (near the centre first); keeps rows stable. */
  order: number;
}

export interface CanvasEdge {
  id: string;
  type: RelationshipType;
  source: string;
  target: string;
  label: string;
  major: boolean;
}

export interface CanvasData {
  nodes: CanvasNode[];
  edges: CanvasEdge[];
}

export function toCanvasData(state: GraphState, lang: Lang): CanvasData {
  const nodes: CanvasNode[] = [];
  for (const node of state.nodes.values()) {
    nodes.push({
      id: node.id,
      kind: node.kind,
      label: node.label,
      status: node.status ?? '',
      inactive: node.kind === 'COMPANY' && isInactiveStatus(node.status),
      center: node.id === state.centerId,
      expanded: isExpanded(state, node.id),
      order: nodes.length,
    });
  }
  const edges: CanvasEdge[] = [];
  for (const edge of state.edges.values()) {
    edges.push({
      id: edge.id,
      type: edge.type,
      source: edge.source,
      target: edge.target,
      label: edgeLabel(edge, lang),
      major: edge.type === 'HOLDS_SHARES' && edge.ratio != null && edge.ratio >= MAJORITY,
    });
  }
  return { nodes, edges };
}

export const stylesheet: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'font-family': FONT,
      'font-size': 12,
      // Long firm names wrap instead of running across neighbours.
      'text-wrap': 'wrap',
      // Labels below this on-screen size are skipped: unreadable anyway, and costly on big networks.
      'min-zoomed-font-size': 6,
      'overlay-opacity': 0,
    },
  },
  {
    // Firms: blue round-rectangles with the name inside, the way registry charts draw them.
    selector: 'node[kind = "COMPANY"]',
    style: {
      shape: 'round-rectangle',
      width: 156,
      height: 46,
      'background-color': palette.companyFill,
      'border-width': 1.5,
      'border-color': palette.companyBorder,
      color: palette.companyText,
      'text-valign': 'center',
      'text-halign': 'center',
      'text-max-width': '142px',
    },
  },
  {
    // People: small orange discs with the name beneath, so they read apart from firms at a glance.
    selector: 'node[kind = "PERSON"]',
    style: {
      shape: 'ellipse',
      width: 34,
      height: 34,
      'background-color': palette.personFill,
      'border-width': 1.5,
      'border-color': palette.personBorder,
      color: palette.personText,
      'text-valign': 'bottom',
      'text-halign': 'center',
      'text-margin-y': 4,
      'text-max-width': '110px',
    },
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
    // The entity the investigation started from must be findable in any layout.
    selector: 'node[?center]',
    style: {
      'border-width': 4,
      'border-color': palette.center,
      'font-weight': 'bold',
    },
  },
  {
    selector: 'node[?center][kind = "PERSON"]',
    style: { width: 44, height: 44 },
  },
  {
    // Selection is drawn as a halo so it never hides the centre or revoked styling underneath.
    selector: 'node.chosen',
    style: {
      'underlay-color': palette.selected,
      'underlay-opacity': 0.55,
      'underlay-padding': 7,
      'underlay-shape': 'round-rectangle',
    },
  },
  {
    selector: 'edge',
    style: {
      // Bezier keeps parallel edges (holder who is also legal representative) apart.
      'curve-style': 'bezier',
      width: 1.5,
      // Every relationship points from the holder/actor to the firm, as in DOMAIN.md.
      'target-arrow-shape': 'triangle',
      'arrow-scale': 1.1,
      label: 'data(label)',
      'font-family': FONT,
      'font-size': 11,
      color: palette.edgeText,
      // An opaque plate keeps percentages legible where edges cross.
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.9,
      'text-background-padding': '2px',
      'text-background-shape': 'roundrectangle',
      'min-zoomed-font-size': 7,
      'overlay-opacity': 0,
    },
  },
  {
    selector: 'edge[type = "HOLDS_SHARES"]',
    style: {
      'line-color': palette.holds,
      'target-arrow-color': palette.holds,
    },
  },
  {
    // Majority holdings are the control chain an investigator traces first.
    selector: 'edge[?major]',
    style: {
      width: 3,
      'line-color': palette.holdsMajor,
      'target-arrow-color': palette.holdsMajor,
      'font-weight': 'bold',
    },
  },
  {
    // Dashed: a legal representative is a role, not an ownership stake.
    selector: 'edge[type = "LEGAL_REPRESENTATIVE_OF"]',
    style: {
      'line-color': palette.legalRep,
      'target-arrow-color': palette.legalRep,
      'line-style': 'dashed',
    },
  },
  {
    // Dotted and grey: officer roles are context, kept quieter than ownership.
    selector: 'edge[type = "OFFICER_OF"]',
    style: {
      'line-color': palette.officer,
      'target-arrow-color': palette.officer,
      'line-style': 'dotted',
      'font-size': 10,
    },
  },
];

export type LayoutName = 'hierarchy' | 'force';

export const layouts = {
  hierarchy: {
    name: 'breadthfirst',
    // Follow edge direction so holders sit above the firms they hold: the ownership chain reads top-down.
    directed: true,
    // Push nodes down to avoid upward edges when a firm is reached by chains of different length.
    maximal: true,
    // Cytoscape 3.34's own row sort meets the empty slots `maximal` leaves and throws
    // (cytoscape.js#2821), so rows are ordered here: empty slots last, then by arrival order.
    depthSort: (a: NodeSingular | null, b: NodeSingular | null) => {
      if (!a || !b) return a ? -1 : b ? 1 : 0;
      return Number(a.data('order')) - Number(b.data('order'));
    },
    // Long firm names need more room than the default spacing gives.
    spacingFactor: 1.05,
    // Lay out around the drawn label, not just the node body, so person names do not collide.
    nodeDimensionsIncludeLabels: true,
    avoidOverlap: true,
    fit: true,
    padding: 40,
    // Investigators expand step by step; animation would only delay reading the result.
    animate: false,
  },
  force: {
    name: 'cose',
    // Start from current positions so an expansion does not scramble what was already read.
    randomize: false,
    // Firm boxes are wide; stronger repulsion keeps them from overlapping.
    nodeRepulsion: 12000,
    idealEdgeLength: 110,
    nodeDimensionsIncludeLabels: true,
    fit: true,
    padding: 40,
    animate: false,
  },
} satisfies Record<LayoutName, LayoutOptions>;
