// How the penetration chart looks, as data: colours (shared with the legend so the key matches the
// drawing), the Cytoscape stylesheet, the layered layout, and node sizes. Only types come from
// cytoscape here; PenetrationCanvas is the one module that draws.

import type { LayoutOptions, StylesheetJson } from 'cytoscape';
import { FONT } from '../style.ts';

export const chartPalette = {
  companyFill: '#e8f1fb',
  companyBorder: '#2f6fb5',
  companyText: '#123a66',
  personFill: '#fff1e3',
  personBorder: '#d2741c',
  personText: '#4a2a08',
  rootFill: '#0b2545',
  rootText: '#ffffff',
  ownerFill: '#fde3e6',
  ownerBorder: '#c8102e',
  controllerBorder: '#6b2fa3',
  inactiveFill: '#eff1f3',
  inactiveBorder: '#9aa3ad',
  inactiveText: '#6f7882',
  moreFill: '#f6f7f9',
  moreBorder: '#8a939e',
  holds: '#5b7fa6',
  control: '#6b2fa3',
  cycle: '#e8590c',
  edgeText: '#2b3440',
  selected: '#f5b700',
  collapsed: '#2b3440',
} as const;

export const NODE_WIDTH = 196;
const TEXT_WIDTH = NODE_WIDTH - 20;
const FONT_SIZE = 13;
const LINE_HEIGHT = 18;
/** Below this many screen pixels a label is not drawn at all: a 4 px name is noise, not information. */
export const MIN_READABLE_FONT_PX = 8;

/** Roughly how wide a line is drawn: a CJK character is a full em, Latin and digits about half. */
function lineWidth(line: string): number {
  let width = 0;
  for (const ch of line) width += /[\u2E80-\uFFEF]/.test(ch) ? FONT_SIZE : FONT_SIZE * 0.58;
  return width;
}

/** A node tall enough for its label once wrapped to the node's width. */
export function nodeHeight(label: string): number {
  const lines = label.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(lineWidth(line) / TEXT_WIDTH)), 0);
  return lines * LINE_HEIGHT + 16;
}

export const chartStylesheet: StylesheetJson = [
  {
    selector: 'node',
    style: {
      shape: 'round-rectangle',
      width: NODE_WIDTH,
      height: 'data(height)',
      label: 'data(label)',
      'font-family': FONT,
      'font-size': FONT_SIZE,
      'line-height': LINE_HEIGHT / FONT_SIZE,
      'text-wrap': 'wrap',
      'text-max-width': `${TEXT_WIDTH}px`,
      'text-valign': 'center',
      'text-halign': 'center',
      'min-zoomed-font-size': MIN_READABLE_FONT_PX,
      'background-color': chartPalette.companyFill,
      'border-width': 1.5,
      'border-color': chartPalette.companyBorder,
      color: chartPalette.companyText,
    },
  },
  {
    selector: 'node.person',
    style: { 'background-color': chartPalette.personFill, 'border-color': chartPalette.personBorder, color: chartPalette.personText },
  },
  {
    selector: 'node.inactive',
    style: { 'background-color': chartPalette.inactiveFill, 'border-color': chartPalette.inactiveBorder, 'border-style': 'dashed', color: chartPalette.inactiveText },
  },
  {
    selector: 'node.beneficial-owner',
    style: { 'background-color': chartPalette.ownerFill, 'border-color': chartPalette.ownerBorder, 'border-width': 3 },
  },
  {
    selector: 'node.controller',
    style: { 'border-color': chartPalette.controllerBorder, 'border-width': 5, 'border-style': 'double' },
  },
  {
    selector: 'node.root',
    style: { 'background-color': chartPalette.rootFill, 'border-color': chartPalette.rootFill, color: chartPalette.rootText, 'font-weight': 'bold', 'font-size': 15 },
  },
  {
    selector: 'node.collapsed',
    style: { 'outline-width': 3, 'outline-color': chartPalette.collapsed, 'outline-offset': 3, 'outline-opacity': 0.6 },
  },
  {
    selector: 'node.more',
    style: { 'background-color': chartPalette.moreFill, 'border-color': chartPalette.moreBorder, 'border-style': 'dashed', color: chartPalette.edgeText },
  },
  {
    selector: 'node.chosen',
    style: { 'underlay-color': chartPalette.selected, 'underlay-padding': 7, 'underlay-opacity': 0.75, 'underlay-shape': 'round-rectangle' },
  },
  {
    selector: 'edge',
    style: {
      width: 1.5,
      'curve-style': 'taxi',
      'taxi-direction': 'downward',
      // Edges into one firm meet just above it (half the gap between layers), as registry charts draw it.
      'taxi-turn': '-40px',
      'line-color': chartPalette.holds,
      'target-arrow-shape': 'triangle',
      'target-arrow-color': chartPalette.holds,
      'arrow-scale': 1.1,
      label: 'data(label)',
      'font-family': FONT,
      'font-size': 12,
      'min-zoomed-font-size': MIN_READABLE_FONT_PX,
      color: chartPalette.edgeText,
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.9,
      'text-background-padding': '2px',
    },
  },
  // Where the % goes is decided per edge (chartElements.ts placeLabels): on a stretch of line the
  // edge does not share with others.
  { selector: 'edge.label-source', style: { label: '', 'source-label': 'data(label)', 'source-text-offset': 26 } },
  { selector: 'edge.label-target', style: { label: '', 'target-label': 'data(label)', 'target-text-offset': 26 } },
  {
    selector: 'edge.controls',
    style: { 'line-color': chartPalette.control, 'target-arrow-color': chartPalette.control, 'line-style': 'dashed' },
  },
  {
    // A cycle closes back on a node already drawn: a curve against the flow, in its own colour.
    selector: 'edge.cycle',
    style: {
      'curve-style': 'unbundled-bezier',
      'control-point-distances': [-140],
      'control-point-weights': [0.5],
      width: 2.5,
      'line-color': chartPalette.cycle,
      'target-arrow-color': chartPalette.cycle,
      color: chartPalette.cycle,
      'font-weight': 'bold',
      label: 'data(label)',
      'source-label': '',
      'target-label': '',
    },
  },
  {
    selector: 'edge.more',
    style: { 'line-color': chartPalette.moreBorder, 'line-style': 'dashed', 'target-arrow-shape': 'none', width: 1 },
  },
];

/** Holders above, investments below: holding edges run holder → held, so ELK's top-down layers are the levels. */
export const chartLayout = {
  name: 'elk',
  fit: false,
  animate: false,
  nodeDimensionsIncludeLabels: false,
  elk: {
    algorithm: 'layered',
    'elk.direction': 'DOWN',
    'elk.spacing.nodeNode': 28,
    'elk.layered.spacing.nodeNodeBetweenLayers': 80,
    'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    // A penetration chart is a tree but for the odd cycle, and its children keep the API's order
    // (largest stake first): ELK's repeated crossing-minimisation sweeps and greedy switching find
    // nothing to improve in a tree and were most of its time — a 200-firm group laid out 2.6 times
    // faster without them (BENCHMARKS.md, "The UI benchmark").
    'elk.layered.thoroughness': 1,
    'elk.layered.crossingMinimization.greedySwitch.type': 'OFF',
    'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  },
} as unknown as LayoutOptions;
