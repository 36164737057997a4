// The explorer's state as plain data, and every change to it as a pure function (tests/web/graphState.test.ts).
//
// Two halves. The *view* is what the investigator asked for: the centres, which nodes were expanded
// and which supernodes opened, what is hidden, pinned (and where) and grouped, the filters, the
// layout, the parties whose paths are drawn. It is small, lives in the URL, and its history is what undo/redo walks. The
// *graph* is derived: the union of the API's answers for that view (buildGraph), then cut down by
// the filters and hidden set (visibleGraph). Collapsing an expansion therefore removes exactly what
// nothing else still holds, and undo of a filter brings the earlier answer back from the query cache.

import type { ExpandNodeQuery, NeighborhoodQuery, NetworkNodeKind, RelationsQuery, RelationshipType } from '../api/generated.ts';

export type NodeKind = NetworkNodeKind;
export type RelationType = RelationshipType;
export type Network = NeighborhoodQuery['neighborhood'];
export type NeighbourPage = ExpandNodeQuery['expandNode'];
export type ApiNode = Network['nodes'][number];
export type ApiEdge = Network['edges'][number];
export type RelationPath = RelationsQuery['relations']['pairs'][number]['paths'][number];

export const allKinds = ['COMPANY', 'PERSON', 'ADDRESS', 'PHONE', 'EMAIL', 'WEBSITE', 'LIST_ENTRY'] as const satisfies readonly NodeKind[];
export const allTypes = [
  'HOLDS_SHARES',
  'LEGAL_REPRESENTATIVE_OF',
  'OFFICER_OF',
  'CONTROLS',
  'RELATED_TO',
  'BRANCH_OF',
  'MEMBER_OF',
  'REGISTERED_AT',
  'OPERATES_AT',
  'HAS_PHONE',
  'HAS_EMAIL',
  'HAS_WEBSITE',
  'FLAGGED',
] as const satisfies readonly RelationType[];

export type LayoutName = 'fcose' | 'elk';

export interface Filters {
  /** Node kinds drawn. */
  kinds: readonly NodeKind[];
  /** Relationship types drawn. */
  types: readonly RelationType[];
  /** Leave out firms whose registration has ended (吊销, 注销). */
  activeOnly: boolean;
}

/** Firms and people, holdings and roles: the registry chart a clerk knows; the rest is one click away. */
export const defaultFilters: Filters = {
  kinds: ['COMPANY', 'PERSON'],
  types: ['HOLDS_SHARES', 'LEGAL_REPRESENTATIVE_OF', 'OFFICER_OF', 'CONTROLS'],
  activeOnly: false,
};

/** A named set of nodes (编组), drawn as one box around them or, collapsed, as one node. */
export interface Group {
  /** 'g1', 'g2' …: stable while other groups come and go. */
  id: string;
  name: string;
  members: readonly string[];
  collapsed: boolean;
}

/** A place on the canvas in model coordinates, whole pixels (the URL carries it). */
export interface Position {
  x: number;
  y: number;
}

/** Above this many relationships a node is drawn as a supernode with them counted. */
export const DEFAULT_SUPERNODE_THRESHOLD = 40;

export interface View {
  /** The entities the view is drawn around (keys). */
  centres: readonly string[];
  /** Hops drawn around each centre (1–3). */
  depth: number;
  /** Nodes expanded by one hop, in the order they were expanded. */
  expanded: readonly string[];
  /** Supernodes opened, with how many pages of their neighbours are drawn. */
  opened: Readonly<Record<string, number>>;
  hidden: readonly string[];
  /** Nodes whose position the layout keeps. */
  pinned: readonly string[];
  /** Where pinned nodes were put; a pinned node without one stays wherever it is first laid out. */
  positions: Readonly<Record<string, Position>>;
  groups: readonly Group[];
  /** More relationships than this and a node is summarised (a supernode), opened a page of this many at a time. */
  supernodeThreshold: number;
  filters: Filters;
  layout: LayoutName;
  /** The parties whose paths (查关系) are drawn; empty when none asked. */
  pathParties: readonly string[];
}

export const DEFAULT_DEPTH = 2;

export function initialView(centres: readonly string[]): View {
  return {
    centres: unique(centres),
    depth: DEFAULT_DEPTH,
    expanded: [],
    opened: {},
    hidden: [],
    pinned: [],
    positions: {},
    groups: [],
    supernodeThreshold: DEFAULT_SUPERNODE_THRESHOLD,
    filters: defaultFilters,
    layout: 'fcose',
    pathParties: [],
  };
}

// ---------------------------------------------------------------- view transitions

export function expand(view: View, id: string): View {
  if (view.expanded.includes(id)) return view;
  return { ...view, expanded: [...view.expanded, id], hidden: without(view.hidden, [id]) };
}

/** Undoes an expansion or an opened supernode: what only it brought in goes (buildGraph). */
export function collapse(view: View, id: string): View {
  if (!view.expanded.includes(id) && !(id in view.opened)) return view;
  const opened = { ...view.opened };
  delete opened[id];
  return { ...view, expanded: without(view.expanded, [id]), opened };
}

/** Opens a supernode one more page. */
export function openMore(view: View, id: string): View {
  return { ...view, opened: { ...view.opened, [id]: (view.opened[id] ?? 0) + 1 } };
}

export function hide(view: View, ids: readonly string[]): View {
  const add = ids.filter((id) => !view.hidden.includes(id));
  return add.length ? { ...view, hidden: [...view.hidden, ...add] } : view;
}

/** Shows the given hidden nodes again, or all of them. */
export function showHidden(view: View, ids?: readonly string[]): View {
  if (view.hidden.length === 0) return view;
  return { ...view, hidden: ids ? without(view.hidden, ids) : [] };
}

export function setPinned(view: View, ids: readonly string[], pinned: boolean): View {
  const next = pinned ? unique([...view.pinned, ...ids]) : without(view.pinned, ids);
  if (next.length === view.pinned.length && next.every((id, i) => view.pinned[i] === id)) return view;
  if (pinned) return { ...view, pinned: next };
  const positions = { ...view.positions };
  for (const id of ids) delete positions[id];
  return { ...view, pinned: next, positions };
}

/** Pins nodes where they are now (a drag, "pin"): their places are kept, also across a reload. */
export function pinAt(view: View, at: Readonly<Record<string, Position>>): View {
  const ids = Object.keys(at);
  const placed = Object.fromEntries(ids.map((id) => [id, { x: Math.round(at[id]!.x), y: Math.round(at[id]!.y) }]));
  const moved = ids.some((id) => view.positions[id]?.x !== placed[id]!.x || view.positions[id]?.y !== placed[id]!.y);
  const pinned = setPinned(view, ids, true);
  if (!moved) return pinned;
  return { ...pinned, positions: { ...view.positions, ...placed } };
}

export function setSupernodeThreshold(view: View, threshold: number): View {
  const t = Math.min(500, Math.max(1, Math.round(threshold)));
  return Number.isFinite(t) && t !== view.supernodeThreshold ? { ...view, supernodeThreshold: t } : view;
}

// ---------------------------------------------------------------- groups (编组)

/** A group's node id on the canvas; apart from entity ids, which never start so. */
export const groupNodeId = (group: Pick<Group, 'id'>) => `group:${group.id}`;

export function groupOfNode(view: View, id: string): Group | undefined {
  return view.groups.find((g) => groupNodeId(g) === id);
}

/**
 * Groups the nodes under a name. A node is in one group at most: it leaves the one it was in, and
 * a group left empty goes. Nothing happens without a name or a node.
 */
export function groupNodes(view: View, name: string, ids: readonly string[]): View {
  const members = unique(ids.filter((id) => !id.startsWith('group:')));
  const label = name.trim();
  if (!label || members.length === 0) return view;
  const next = Math.max(0, ...view.groups.map((g) => Number(g.id.slice(1)) || 0)) + 1;
  const others = view.groups
    .map((g) => ({ ...g, members: without(g.members, members) }))
    .filter((g) => g.members.length > 0);
  return { ...view, groups: [...others, { id: `g${next}`, name: label, members, collapsed: false }] };
}

export function ungroup(view: View, groupId: string): View {
  const groups = view.groups.filter((g) => g.id !== groupId);
  return groups.length === view.groups.length ? view : { ...view, groups };
}

export function setGroupCollapsed(view: View, groupId: string, collapsed: boolean): View {
  const group = view.groups.find((g) => g.id === groupId);
  if (!group || group.collapsed === collapsed) return view;
  return { ...view, groups: view.groups.map((g) => (g.id === groupId ? { ...g, collapsed } : g)) };
}

export function setFilters(view: View, filters: Filters): View {
  return { ...view, filters };
}

export function setLayout(view: View, layout: LayoutName): View {
  return view.layout === layout ? view : { ...view, layout };
}

export function setDepth(view: View, depth: number): View {
  const d = Math.min(3, Math.max(1, Math.round(depth)));
  return d === view.depth ? view : { ...view, depth: d };
}

export function findPaths(view: View, parties: readonly string[]): View {
  return { ...view, pathParties: unique(parties) };
}

export function clearPaths(view: View): View {
  return view.pathParties.length ? { ...view, pathParties: [] } : view;
}

// ---------------------------------------------------------------- undo / redo

export interface History {
  past: readonly View[];
  present: View;
  future: readonly View[];
}

/** Enough steps back for a session's exploring; older ones are dropped so memory stays flat. */
const HISTORY_LIMIT = 100;

export function startHistory(view: View): History {
  return { past: [], present: view, future: [] };
}

/** Records a change; a change that changes nothing is not a step to undo. */
export function record(history: History, next: View): History {
  if (next === history.present) return history;
  return { past: [...history.past, history.present].slice(-HISTORY_LIMIT), present: next, future: [] };
}

export function undo(history: History): History {
  const previous = history.past.at(-1);
  if (!previous) return history;
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future] };
}

export function redo(history: History): History {
  const next = history.future[0];
  if (!next) return history;
  return { past: [...history.past, history.present], present: next, future: history.future.slice(1) };
}

// ---------------------------------------------------------------- the graph an answer set makes

export interface NeighbourSummary {
  type: RelationType;
  kind: NodeKind;
  count: number;
}

export interface GraphNode {
  id: string;
  key: string;
  kind: NodeKind;
  label: string;
  status: string | null;
  inactive: boolean;
  /** On a list or in a case (名单/案件): drawn unmistakably. */
  flagged: boolean;
  supernode: boolean;
  degree: number;
  /** What a supernode leaves undrawn, by type and kind. */
  hiddenNeighbours: readonly NeighbourSummary[];
}

export interface GraphEdge {
  id: string;
  type: RelationType;
  source: string;
  target: string;
  ratio: number | null;
  role: string | null;
}

export interface Graph {
  nodes: ReadonlyMap<string, GraphNode>;
  edges: ReadonlyMap<string, GraphEdge>;
  /** Expansions and opened supernodes whose node is still in the graph (the others are dormant). */
  anchors: ReadonlySet<string>;
  /** Of an opened supernode: neighbours drawn and in all (for "more …"). */
  openedCounts: ReadonlyMap<string, { drawn: number; total: number; more: boolean }>;
  exhaustive: boolean;
  limitsHit: readonly string[];
  /** Entities and relationships the caps left out, summed over the answers. */
  cut: { nodes: number; edges: number };
  /** Nodes and edges of the paths found, to highlight. */
  pathNodes: ReadonlySet<string>;
  pathEdges: ReadonlySet<string>;
}

/** The API's answers for one view; a missing answer (still loading) is simply absent. */
export interface Answers {
  centres: readonly (Network | undefined)[];
  expansions: ReadonlyMap<string, Network | undefined>;
  opened: ReadonlyMap<string, NeighbourPage | undefined>;
  paths: readonly RelationPath[];
}

/** A path entity's node id: firms and people by key, the other kinds as KIND:key, as the network does. */
export function pathNodeId(entity: { kind: string; key: string }): string {
  return entity.kind === 'COMPANY' || entity.kind === 'PERSON' ? entity.key : `${entity.kind}:${entity.key}`;
}

export function buildGraph(view: View, answers: Answers): Graph {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  const limitsHit: string[] = [];
  let exhaustive = true;
  const cut = { nodes: 0, edges: 0 };

  const addNode = (n: ApiNode) => {
    const existing = nodes.get(n.id);
    // A node met again keeps what it was; an answer that opened it fully says it is no longer a supernode.
    if (existing) {
      if (existing.supernode && !n.supernode) nodes.set(n.id, { ...existing, supernode: false, hiddenNeighbours: [] });
      return;
    }
    nodes.set(n.id, {
      id: n.id,
      key: n.key,
      kind: n.kind,
      label: n.label,
      status: n.status,
      inactive: n.inactive,
      flagged: false,
      supernode: n.supernode,
      degree: n.degree,
      hiddenNeighbours: n.hiddenNeighbours,
    });
  };
  const addEdge = (e: ApiEdge) => {
    if (!edges.has(e.id)) edges.set(e.id, { id: e.id, type: e.type, source: e.source, target: e.target, ratio: e.ratio, role: e.role });
  };
  const addNetwork = (network: Network) => {
    network.nodes.forEach(addNode);
    network.edges.forEach(addEdge);
    exhaustive &&= network.exhaustive;
    cut.nodes += network.cut.nodes;
    cut.edges += network.cut.edges;
    for (const limit of network.limitsHit) if (!limitsHit.includes(limit)) limitsHit.push(limit);
  };

  for (const network of answers.centres) if (network) addNetwork(network);

  // In the order made: an expansion of a node that is no longer drawn (its parent collapsed) lies dormant.
  const anchors = new Set<string>();
  const openedCounts = new Map<string, { drawn: number; total: number; more: boolean }>();
  for (const id of view.expanded) {
    const network = answers.expansions.get(id);
    if (!nodes.has(id) || !network) continue;
    anchors.add(id);
    addNetwork(network);
  }
  for (const id of Object.keys(view.opened)) {
    const page = answers.opened.get(id);
    if (!nodes.has(id) || !page) continue;
    anchors.add(id);
    for (const { node, edge } of page.nodes) {
      addNode(node);
      addEdge(edge);
    }
    openedCounts.set(id, { drawn: page.nodes.length, total: page.totalCount, more: page.pageInfo.hasNextPage });
    if (!page.pageInfo.hasNextPage) {
      const n = nodes.get(id);
      if (n) nodes.set(id, { ...n, supernode: false, hiddenNeighbours: [] });
    }
  }

  const pathNodes = new Set<string>();
  const pathEdges = new Set<string>();
  for (const path of answers.paths) {
    for (const hop of path.hops) {
      for (const end of [hop.from, hop.to]) {
        const id = pathNodeId(end);
        pathNodes.add(id);
        if (!nodes.has(id)) addNode(pathEntityNode(end));
      }
      const edge = pathEdge(hop);
      // The network may already hold this relationship under its own id; one line, not two.
      const same = [...edges.values()].find((e) => e.type === edge.type && e.source === edge.source && e.target === edge.target);
      if (same) pathEdges.add(same.id);
      else {
        addEdge(edge);
        pathEdges.add(edge.id);
      }
    }
  }

  // Flags are fetched with every network (see serverFilters) so a flagged firm is marked even when list entries are not drawn.
  for (const edge of edges.values()) {
    if (edge.type !== 'FLAGGED') continue;
    const n = nodes.get(edge.source);
    if (n && !n.flagged) nodes.set(n.id, { ...n, flagged: true });
  }

  return { nodes, edges, anchors, openedCounts, exhaustive, limitsHit, cut, pathNodes, pathEdges };
}

function pathEntityNode(entity: { kind: string; key: string; name: string }): ApiNode {
  return {
    id: pathNodeId(entity),
    key: entity.key,
    kind: (allKinds as readonly string[]).includes(entity.kind) ? (entity.kind as NodeKind) : 'COMPANY',
    label: entity.name,
    status: null,
    inactive: false,
    center: false,
    degree: 0,
    supernode: false,
    hiddenNeighbours: [],
  };
}

function pathEdge(hop: RelationPath['hops'][number]): GraphEdge {
  const from = pathNodeId(hop.from);
  const to = pathNodeId(hop.to);
  const [source, target] = hop.direction === 'FORWARD' ? [from, to] : [to, from];
  const type = hop.relationship as RelationType;
  const role = type === 'OFFICER_OF' ? hop.role : null;
  return { id: `${type}:${source}->${target}${role ? `#${role}` : ''}`, type, source, target, ratio: hop.ratio, role };
}

/**
 * What the server is asked for under these filters. Flags (FLAGGED to a list entry) are always
 * asked, so a flagged firm is marked even when list entries are filtered out of the drawing.
 */
export function serverFilters(filters: Filters): { kinds: NodeKind[]; relationshipTypes: RelationType[]; activeOnly: boolean } {
  return {
    kinds: unique([...filters.kinds, 'LIST_ENTRY']) as NodeKind[],
    relationshipTypes: unique([...filters.types, 'FLAGGED']) as RelationType[],
    activeOnly: filters.activeOnly,
  };
}

export interface VisibleGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/**
 * The graph cut to the filters and the hidden set. A node left with no drawn relationship by the
 * cut goes too, unless the investigator put it there (a centre, an expansion, a path party):
 * otherwise filtering out 任职 would leave the officers floating unconnected.
 */
export function visibleGraph(graph: Graph, view: View): VisibleGraph {
  const hidden = new Set(view.hidden);
  const kinds = new Set<string>(view.filters.kinds);
  const types = new Set<string>(view.filters.types);
  // A path found is drawn whole, whatever the filters say: a hop through an address must show the address.
  const keep = (n: GraphNode) =>
    !hidden.has(n.id) &&
    (graph.pathNodes.has(n.id) || (kinds.has(n.kind) && !(view.filters.activeOnly && n.kind === 'COMPANY' && n.inactive)));
  const nodeIds = new Set([...graph.nodes.values()].filter(keep).map((n) => n.id));
  const edges = [...graph.edges.values()].filter(
    (e) => (types.has(e.type) || graph.pathEdges.has(e.id)) && nodeIds.has(e.source) && nodeIds.has(e.target),
  );
  const linked = new Set(edges.flatMap((e) => [e.source, e.target]));
  const placed = new Set([...view.centres, ...graph.anchors, ...view.pathParties]);
  const nodes = [...graph.nodes.values()].filter((n) => nodeIds.has(n.id) && (linked.has(n.id) || placed.has(n.id)));
  return { nodes, edges };
}

/** Node ids in the graph but hidden by the investigator (for "show hidden"). */
export function hiddenInGraph(graph: Graph, view: View): GraphNode[] {
  return view.hidden.map((id) => graph.nodes.get(id)).filter((n): n is GraphNode => n != null);
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

function without<T>(items: readonly T[], remove: readonly T[]): T[] {
  const drop = new Set(remove);
  return items.filter((i) => !drop.has(i));
}
