// The penetration chart as data: the API's two trees (holders UP, investments DOWN) turned into the
// nodes and edges the canvas draws, with what the user collapsed taken out and what the API left
// out (cutHolders) shown as "more" nodes. Pure: no cytoscape, no React, so every rule is tested.

import type { PenetrationQuery } from '../../api/generated.ts';
import { formatPercent } from '../../format.ts';

export type PenetrationTree = PenetrationQuery['penetration'];
export type TreeNode = PenetrationTree['nodes'][number];
export type TreeEdge = PenetrationTree['edges'][number];

/** Which part of the chart a node is in: the firm charted, its holders above, its investments below. */
export type Half = 'up' | 'down';
export type Place = 'root' | Half;

/** Why a "more" node is there: a node had more holders than maxChildren, or its holders are past the last level. */
export type MoreReason = 'children' | 'levels';

/** What the chart says in words, in the screen's language (the screen's messages supply it). */
export interface ChartText {
  /** '穿透 48.00%': the effective (integrated) ratio under a node's name. */
  effective: (percent: string) => string;
  beneficialOwner: string;
  /** UP: 实际控制人 (controls the charted firm); DOWN: 受控企业 (controlled by it). */
  controller: (half: Half) => string;
  more: (count: number, reason: MoreReason) => string;
  collapsed: (hidden: number) => string;
  /** Appended to the label of an edge that closes a cycle. */
  cycle: string;
  /** A CONTROLS edge without shares: '控制（代持）'. */
  control: (basis: string | null) => string;
  unknownRatio: string;
}

export interface ChartNodeData {
  id: string;
  /** The entity's key; for a "more" node, the key of the node whose holders it stands for. */
  key: string;
  place: Place;
  kind: 'COMPANY' | 'PERSON' | 'MORE';
  name: string;
  label: string;
  level: number;
  effectiveRatio: number | null;
  beneficialOwner: boolean;
  controller: boolean;
  rulesMet: string[];
  ruleSet: string | null;
  identifier: string | null;
  status: string | null;
  inactive: boolean;
  collapsed: boolean;
  /** Drawn nodes hidden under this one while it is collapsed. */
  hidden: number;
  /** Holders (DOWN: holdings) of this entity the API did not send. */
  cutHolders: number;
  holdersComplete: boolean;
  /** A "more" node's count and why it is there; 0 / null otherwise. */
  moreCount: number;
  moreReason: MoreReason | null;
}

export interface ChartEdgeData {
  id: string;
  /** The holder: cytoscape edges run from holder to held in both halves, so the layered layout puts holders above. */
  source: string;
  target: string;
  place: Half;
  relationship: string;
  ratio: number | null;
  basis: string | null;
  cycle: boolean;
  /** The dashed link from a node to its "more" node. */
  more: boolean;
  label: string;
}

export interface ChartNode {
  data: ChartNodeData;
  classes: string[];
}
export interface ChartEdge {
  data: ChartEdgeData;
  classes: string[];
}
export interface ChartModel {
  nodes: ChartNode[];
  edges: ChartEdge[];
}

export const ROOT_ID = 'root';

/** The drawn node of an entity in one half; the charted firm is the one node both halves share. */
export function nodeId(half: Half, key: string, rootKey: string): string {
  return key === rootKey ? ROOT_ID : `${half}:${key}`;
}

export function moreNodeId(parentId: string): string {
  return `more:${parentId}`;
}

/** 吊销 and 注销 end a registration: such a firm is drawn grey, and "active firms only" leaves it out. */
export function isInactiveStatus(status: string | null | undefined): boolean {
  return status != null && /吊销|注销/.test(status);
}

export interface ChartInput {
  up: PenetrationTree | null;
  down: PenetrationTree | null;
  /** Node ids the user collapsed: what lies beyond them (away from the charted firm) is not drawn. */
  collapsed: ReadonlySet<string>;
  text: ChartText;
}

/** The edges of one half that lead away from the charted firm, by the node they leave from. */
function outwardEdges(tree: PenetrationTree, half: Half): Map<string, TreeEdge[]> {
  const byNode = new Map<string, TreeEdge[]>();
  for (const edge of tree.edges) {
    if (edge.cycle) continue;
    const from = half === 'up' ? edge.child : edge.holder;
    const list = byNode.get(from) ?? [];
    list.push(edge);
    byNode.set(from, list);
  }
  return byNode;
}

const farEnd = (edge: TreeEdge, half: Half) => (half === 'up' ? edge.holder : edge.child);

/** Keys reachable from `start` away from the charted firm, not going past the nodes in `stopAt`. */
function reachable(start: string, outward: Map<string, TreeEdge[]>, half: Half, stopAt: (key: string) => boolean): Set<string> {
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length) {
    const key = queue.shift()!;
    if (key !== start && stopAt(key)) continue;
    for (const edge of outward.get(key) ?? []) {
      const next = farEnd(edge, half);
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

function edgeLabel(edge: TreeEdge, text: ChartText): string {
  const base =
    edge.relationship === 'CONTROLS'
      ? edge.ratio == null
        ? text.control(edge.basis)
        : `${formatPercent(edge.ratio)} ${text.control(edge.basis)}`
      : edge.ratio == null
        ? text.unknownRatio
        : formatPercent(edge.ratio);
  return edge.cycle ? `${base} ${text.cycle}` : base;
}

function marksLine(node: TreeNode, half: Half, text: ChartText): string | null {
  const marks = [...(node.beneficialOwner ? [text.beneficialOwner] : []), ...(node.controller ? [text.controller(half)] : [])];
  if (marks.length === 0) return null;
  return node.ruleSet ? `★ ${marks.join(' · ')} (${node.ruleSet})` : `★ ${marks.join(' · ')}`;
}

function halfElements(tree: PenetrationTree, half: Half, input: ChartInput, nodes: Map<string, ChartNode>, edges: ChartEdge[]): void {
  const { text, collapsed } = input;
  const rootKey = tree.root;
  const idOf = (key: string) => nodeId(half, key, rootKey);
  const outward = outwardEdges(tree, half);
  const isCollapsed = (key: string) => key !== rootKey && collapsed.has(idOf(key));
  const visible = reachable(rootKey, outward, half, isCollapsed);
  const byKey = new Map(tree.nodes.map((n) => [n.key, n]));

  for (const node of tree.nodes) {
    if (!visible.has(node.key)) continue;
    const id = idOf(node.key);
    const folded = isCollapsed(node.key);
    const hidden = folded ? [...reachable(node.key, outward, half, () => false)].filter((k) => !visible.has(k)).length : 0;
    if (id === ROOT_ID) {
      // The charted firm comes once from each half; the first one writes it.
      if (!nodes.has(ROOT_ID)) nodes.set(ROOT_ID, rootNode(node));
      continue;
    }
    const lines = [node.name, text.effective(formatPercent(node.effectiveRatio))];
    const marks = marksLine(node, half, text);
    if (marks) lines.push(marks);
    if (folded) lines.push(text.collapsed(hidden));
    const inactive = node.kind === 'COMPANY' && isInactiveStatus(node.status);
    nodes.set(id, {
      data: {
        id,
        key: node.key,
        place: half,
        kind: node.kind === 'PERSON' ? 'PERSON' : 'COMPANY',
        name: node.name,
        label: lines.join('\n'),
        level: node.level,
        effectiveRatio: node.effectiveRatio,
        beneficialOwner: node.beneficialOwner,
        controller: node.controller,
        rulesMet: [...node.rulesMet],
        ruleSet: node.ruleSet,
        identifier: node.identifier,
        status: node.status,
        inactive,
        collapsed: folded,
        hidden,
        cutHolders: node.cutHolders,
        holdersComplete: node.holdersComplete,
        moreCount: 0,
        moreReason: null,
      },
      classes: [
        half,
        node.kind === 'PERSON' ? 'person' : 'company',
        ...(node.beneficialOwner ? ['beneficial-owner'] : []),
        ...(node.controller ? ['controller'] : []),
        ...(inactive ? ['inactive'] : []),
        ...(folded ? ['collapsed'] : []),
      ],
    });
  }

  for (const edge of tree.edges) {
    if (!visible.has(edge.holder) || !visible.has(edge.child)) continue;
    // An edge out of a collapsed node leads to what it hides; a cycle edge back into the drawn part stays.
    const from = half === 'up' ? edge.child : edge.holder;
    if (!edge.cycle && isCollapsed(from)) continue;
    const source = idOf(edge.holder);
    const target = idOf(edge.child);
    edges.push({
      data: {
        id: `${half}:${edge.holder}>${edge.child}:${edge.relationship}`,
        source,
        target,
        place: half,
        relationship: edge.relationship,
        ratio: edge.ratio,
        basis: edge.basis,
        cycle: edge.cycle,
        more: false,
        label: edgeLabel(edge, text),
      },
      classes: [half, edge.relationship === 'CONTROLS' ? 'controls' : 'holds', ...(edge.cycle ? ['cycle'] : [])],
    });
  }

  // What the API left out is counted where it was left out: one "more" node per node with cut holders.
  for (const key of visible) {
    const node = byKey.get(key);
    if (!node || node.cutHolders <= 0 || isCollapsed(key)) continue;
    const parent = idOf(key);
    const id = moreNodeId(parent === ROOT_ID ? `${half}:${key}` : parent);
    const reason: MoreReason = node.level >= tree.levels ? 'levels' : 'children';
    nodes.set(id, {
      data: {
        id,
        key,
        place: half,
        kind: 'MORE',
        name: text.more(node.cutHolders, reason),
        label: text.more(node.cutHolders, reason),
        level: node.level + 1,
        effectiveRatio: null,
        beneficialOwner: false,
        controller: false,
        rulesMet: [],
        ruleSet: null,
        identifier: null,
        status: null,
        inactive: false,
        collapsed: false,
        hidden: 0,
        cutHolders: 0,
        holdersComplete: true,
        moreCount: node.cutHolders,
        moreReason: reason,
      },
      classes: [half, 'more'],
    });
    edges.push({
      data: {
        id: `${id}:link`,
        source: half === 'up' ? id : parent,
        target: half === 'up' ? parent : id,
        place: half,
        relationship: 'MORE',
        ratio: null,
        basis: null,
        cycle: false,
        more: true,
        label: '',
      },
      classes: [half, 'more'],
    });
  }
}

function rootNode(node: TreeNode): ChartNode {
  const inactive = isInactiveStatus(node.status);
  return {
    data: {
      id: ROOT_ID,
      key: node.key,
      place: 'root',
      kind: node.kind === 'PERSON' ? 'PERSON' : 'COMPANY',
      name: node.name,
      label: node.name,
      level: 0,
      effectiveRatio: 1,
      beneficialOwner: false,
      controller: false,
      rulesMet: [],
      ruleSet: null,
      identifier: node.identifier,
      status: node.status,
      inactive,
      collapsed: false,
      hidden: 0,
      cutHolders: node.cutHolders,
      holdersComplete: node.holdersComplete,
      moreCount: 0,
      moreReason: null,
    },
    classes: ['root', 'company', ...(inactive ? ['inactive'] : [])],
  };
}

/**
 * Where an edge's % is written. Edges into one firm merge into one line just above it, and edges
 * out of one holder share their first stretch, so the % goes on the stretch the edge has to itself:
 * beside the holder when it holds only this one drawn firm, else beside the firm held when only
 * this holder is drawn above it, else mid-way. Holders' edges (UP) try the holder's end first,
 * investments (DOWN) the held firm's end, where a reader of each half looks.
 */
function placeLabels(edges: ChartEdge[]): void {
  const drawn = edges.filter((e) => !e.data.cycle && !e.data.more);
  const outDegree = new Map<string, number>();
  const inDegree = new Map<string, number>();
  for (const e of drawn) {
    outDegree.set(e.data.source, (outDegree.get(e.data.source) ?? 0) + 1);
    inDegree.set(e.data.target, (inDegree.get(e.data.target) ?? 0) + 1);
  }
  for (const e of drawn) {
    const ownAtSource = outDegree.get(e.data.source) === 1;
    const ownAtTarget = inDegree.get(e.data.target) === 1;
    const at =
      e.data.place === 'up' ? (ownAtSource ? 'source' : ownAtTarget ? 'target' : 'middle') : ownAtTarget ? 'target' : ownAtSource ? 'source' : 'middle';
    e.classes.push(`label-${at}`);
  }
}

/** Both halves as one chart: holders above the charted firm, investments below, sharing its node. */
export function chartElements(input: ChartInput): ChartModel {
  const nodes = new Map<string, ChartNode>();
  const edges: ChartEdge[] = [];
  if (input.up) halfElements(input.up, 'up', input, nodes, edges);
  if (input.down) halfElements(input.down, 'down', input, nodes, edges);
  placeLabels(edges);
  return { nodes: [...nodes.values()], edges };
}

/** Collapsing a collapsed node expands it; the charted firm cannot be collapsed (nothing would be left). */
export function toggleCollapsed(collapsed: readonly string[], id: string): string[] {
  if (id === ROOT_ID || id.startsWith('more:')) return [...collapsed];
  return collapsed.includes(id) ? collapsed.filter((c) => c !== id) : [...collapsed, id].sort();
}

/**
 * What is not drawn, for the notice above the chart: holders left out by level in each half, the
 * ended firms left out with "active firms only", and the walk's caps that were reached.
 */
export function omissions(up: PenetrationTree | null, down: PenetrationTree | null) {
  const cut = (tree: PenetrationTree | null) => tree?.cutByLevel.reduce((sum, c) => sum + c.holders, 0) ?? 0;
  return {
    cutUp: cut(up),
    cutDown: cut(down),
    inactiveCut: (up?.inactiveCut ?? 0) + (down?.inactiveCut ?? 0),
    limitsHit: [...new Set([...(up?.limitsHit ?? []), ...(down?.limitsHit ?? [])])].sort(),
  };
}
