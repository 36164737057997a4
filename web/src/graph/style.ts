// How the network looks, as data: colours, the Cytoscape stylesheet, layout presets and the
// labels drawn on elements. Only types come from cytoscape here; NetworkCanvas is the one module
// that loads it at run time.

import type { LayoutOptions, StylesheetJson } from 'cytoscape';
import type { EntityKind } from '../api.ts';
import { translate, type Lang } from '../i18n.ts';
import { isExpanded, type DrawnRelationshipType, type GraphEdge, type GraphState } from './graphState.ts';

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
}

/** One relationship as drawn: a line in the label of the edge between its two entities. */
export interface CanvasRelation {
  id: string;
  type: DrawnRelationshipType;
  label: string;
}

/**
 * One drawn line per ordered pair of entities. A holder is often also the legal representative and
 * an officer of the same firm; three parallel curves with three labels collide, so they are drawn
 * as one line with the labels stacked ('80%' / '法定代表人' / '董事长'), as registry charts do.
 */
export interface CanvasEdge {
  id: string;
  source: string;
  target: string;
  /** The weightiest relationship, which sets the line style: holding, then legal representative, then officer. */
  type: DrawnRelationshipType;
  label: string;
  major: boolean;
  relations: CanvasRelation[];
}

export interface CanvasData {
  nodes: CanvasNode[];
  edges: CanvasEdge[];
}

const WEIGHT: Record<DrawnRelationshipType, number> = { HOLDS_SHARES: 0, LEGAL_REPRESENTATIVE_OF: 1, OFFICER_OF: 2 };

export function toCanvasData(state: GraphState, lang: Lang): CanvasData {
  const nodes: CanvasNode[] = [];
  for (const node of state.nodes.values()) {
    nodes.push({
      id: node.id,
      kind: node.kind,
      label: node.label,
      status: node.status ?? '',
      // 吊销 (revoked) and 注销 (deregistered) firms stay in the graph but must not look like live ones.
      inactive: node.kind === 'COMPANY' && node.inactive,
      center: node.id === state.centerId,
      expanded: isExpanded(state, node.id),
    });
  }
  const pairs = new Map<string, CanvasEdge>();
  for (const edge of state.edges.values()) {
    const id = `${edge.source}->${edge.target}`;
    const relation: CanvasRelation = { id: edge.id, type: edge.type, label: edgeLabel(edge, lang) };
    const major = edge.type === 'HOLDS_SHARES' && edge.ratio != null && edge.ratio >= MAJORITY;
    const pair = pairs.get(id);
    if (!pair) {
      pairs.set(id, { id, source: edge.source, target: edge.target, type: edge.type, label: '', major, relations: [relation] });
      continue;
    }
    pair.relations.push(relation);
    pair.major ||= major;
  }
  const edges = [...pairs.values()];
  for (const edge of edges) {
    edge.relations.sort((a, b) => WEIGHT[a.type] - WEIGHT[b.type]);
    edge.type = edge.relations[0]!.type;
    edge.label = edge.relations.map((r) => r.label).join('\n');
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
      // Name above the disc: a person's edges all leave downward, toward the firms.
      'text-valign': 'top',
      'text-halign': 'center',
      'text-margin-y': -4,
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
    selector: 'node.chosen[kind = "PERSON"]',
    style: { 'underlay-shape': 'ellipse' },
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
      'font-size': 11,
      // Stacked relationship labels of one pair of entities are separated by line breaks.
      'text-wrap': 'wrap',
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
    // Positions come from layering.ts (holders above the firms they hold); 'preset' just places them.
    name: 'preset',
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
