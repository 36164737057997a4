import { z } from 'zod';
import type { GraphReader } from '../cypher/run.ts';
import { int } from '../cypher/values.ts';
import { endedStatusMarkers } from '../model/firmStatus.ts';
import { toEntityRef, type EntityRef, type NodeRow } from './envelope.ts';
import { allGroups, linkId, typesOf, type LinkProps, type NetworkType } from './network.ts';

/**
 * The network the entities API draws (`neighborhood` and `expandNode` queries, the web app's
 * network view): the entities within k hops of a firm or person, under a hard budget of elements
 * (nodes + edges) so that the browser never receives more than it can draw. Everything that
 * narrows the network is decided in the database (cypher/analyses/networkNeighbours.cypher):
 * relationship types, kinds of entity, active firms only, a minimum holding. An entity with more
 * relationships than `fanOut` (the supernode threshold) is not expanded: it is drawn with its
 * relationships counted by type and kind, and opened on demand a page at a time
 * (`neighbourPage`). What a cap left out is counted and named in limitsHit, so that a missing
 * link is never mistaken for the absence of one.
 */

export const networkNodeKinds = ['COMPANY', 'PERSON', 'ADDRESS', 'PHONE', 'EMAIL', 'WEBSITE', 'LIST_ENTRY'] as const;
export type NetworkNodeKind = (typeof networkNodeKinds)[number];
export const networkRelationshipTypes = typesOf(allGroups);

/** What the view has always drawn: holdings and roles between firms and people. */
const defaultTypes: NetworkType[] = ['HOLDS_SHARES', 'LEGAL_REPRESENTATIVE_OF', 'OFFICER_OF'];
const defaultKinds: NetworkNodeKind[] = ['COMPANY', 'PERSON'];

export const MAX_BUDGET = 5000;

const filterParams = {
  types: z
    .array(z.enum(networkRelationshipTypes as [NetworkType, ...NetworkType[]]))
    .min(1)
    .default(defaultTypes)
    .transform((t) => [...new Set(t)].sort()),
  kinds: z
    .array(z.enum(networkNodeKinds))
    .min(1)
    .default(defaultKinds)
    .transform((k) => [...new Set(k)].sort()),
  /** Leave out firms whose registration has ended (吊销, 注销); the entity asked about is always drawn. */
  activeOnly: z.boolean().default(false),
  /** Leave out holdings known to be smaller (a fraction of 1); holdings of unknown size stay. */
  minRatio: z.number().min(0).max(1).nullable().default(null),
  /** The supernode threshold: an entity with more relationships than this (after the filters) is not expanded. */
  fanOut: z.number().int().min(1).max(500).default(50),
};

export const neighborhoodParams = z.object({
  /** A firm's or person's key, or a node id as a Network gives it (`ADDRESS:<key>` …). */
  key: z.string().min(1),
  depth: z.number().int().min(1).max(3).default(1),
  /** Most entities drawn. */
  limit: z.number().int().min(1).max(MAX_BUDGET).default(150),
  /** Most elements (nodes + edges) returned. */
  budget: z.number().int().min(1).max(MAX_BUDGET).default(2000),
  ...filterParams,
});
export type NeighborhoodParams = z.input<typeof neighborhoodParams>;

export const MAX_NEIGHBOUR_PAGE = 1000;

export const neighbourPageParams = z.object({
  key: z.string().min(1),
  /** A page of at most 1000 neighbours: 2001 elements with the entity opened, within any budget's default. */
  first: z.number().int().min(1).max(MAX_NEIGHBOUR_PAGE).default(100),
  offset: z.number().int().min(0).default(0),
  ...filterParams,
});
export type NeighbourPageParams = z.input<typeof neighbourPageParams>;

export interface NeighbourCount {
  type: NetworkType;
  kind: NetworkNodeKind;
  count: number;
}

export interface NetworkNode {
  /** A firm's or person's key; `KIND:key` for the other kinds, whose keys are unique per label only. */
  id: string;
  key: string;
  kind: NetworkNodeKind;
  label: string;
  status: string | null;
  center: boolean;
  /** Its relationships that pass the filters. */
  degree: number;
  /** More relationships than the threshold: not expanded. */
  supernode: boolean;
  /** A supernode's relationships not drawn, by type and kind of the other end (in a page: all of them). */
  hiddenNeighbours: NeighbourCount[];
}

export interface NetworkEdge {
  id: string;
  type: NetworkType;
  source: string;
  target: string;
  ratio: number | null;
  role: string | null;
}

export interface NetworkCut {
  /** Entities met but not drawn for the budget or the entity limit. */
  nodes: number;
  /** Relationships met but not drawn for the budget or the entity limit. */
  edges: number;
  /** Entities drawn within the depth whose own relationships were never fetched because the budget ran out. */
  unexpanded: number;
}

export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  exhaustive: boolean;
  /** 'budget', 'nodeLimit', 'fanOut:<key>' (a supernode within the depth, not expanded). */
  limitsHit: string[];
  cut: NetworkCut;
}

export interface NeighbourPage {
  node: NetworkNode;
  neighbours: { node: NetworkNode; edge: NetworkEdge }[];
  /** Whether another page follows. */
  more: boolean;
  /** Relationships of the entity that pass the filters. */
  total: number;
}

type Filters = z.output<z.ZodObject<typeof filterParams>>;

interface Target {
  kind: NetworkNodeKind;
  key: string;
}

type Row = {
  kind: NetworkNodeKind;
  key: string;
  self: NodeRow & { status?: string | null };
  probed: number;
  summary: NeighbourCount[];
  edges: { type: NetworkType; outgoing: boolean; props: LinkProps; other: NodeRow & { status?: string | null } }[];
};

const otherKindPrefix = /^(ADDRESS|PHONE|EMAIL|WEBSITE|LIST_ENTRY):(.+)$/s;

/** The id a node has in a Network: firms and people keep their key, which the web app has always used. */
export function networkNodeId(ref: { kind: string; key: string }): string {
  return ref.kind === 'COMPANY' || ref.kind === 'PERSON' ? ref.key : `${ref.kind}:${ref.key}`;
}

/** The entity a key or node id names; a person key merged into another finds the survivor. */
async function resolveTarget(graph: GraphReader, key: string): Promise<Target | null> {
  const other = otherKindPrefix.exec(key);
  if (other) return { kind: other[1] as NetworkNodeKind, key: other[2]! };
  const [start] = await graph.read<{ entity: { kind: 'COMPANY' | 'PERSON'; key: string } }>('analyses/entityByKey', { key });
  return start ? { kind: start.entity.kind, key: start.entity.key } : null;
}

interface Probe {
  probed: number;
  summary: NeighbourCount[];
}

/** The neighbours query for a set of entities, each with expand / force as the .cypher header says. */
function neighbours(graph: GraphReader, nodes: (Target & { expand: boolean; force: boolean })[], filters: Filters, page: { skip: number; size: number }): Promise<Row[]> {
  if (nodes.length === 0) return Promise.resolve([]);
  return graph.read<Row>('analyses/networkNeighbours', {
    nodes: nodes.map((n) => ({ kind: n.kind, key: n.key, expand: n.expand, force: n.force })),
    types: filters.types,
    kinds: filters.kinds,
    activeOnly: filters.activeOnly,
    endedMarkers: [...endedStatusMarkers],
    minRatio: filters.minRatio,
    probe: int(filters.fanOut + 1),
    threshold: int(filters.fanOut),
    skip: int(page.skip),
    pageSize: int(page.size),
  });
}

function refOf(row: NodeRow): EntityRef & { kind: NetworkNodeKind } {
  return toEntityRef(row) as EntityRef & { kind: NetworkNodeKind };
}

function drawNode(row: NodeRow & { status?: string | null }, center: boolean): NetworkNode {
  const ref = refOf(row);
  return { id: networkNodeId(ref), key: ref.key, kind: ref.kind, label: ref.name, status: row.status ?? null, center, degree: 0, supernode: false, hiddenNeighbours: [] };
}

function drawEdge(self: NetworkNode, e: Row['edges'][number], other: NetworkNode): NetworkEdge {
  const [source, target] = e.outgoing ? [self.id, other.id] : [other.id, self.id];
  // One edge per relationship: a person who is 执行董事 and 总经理 has two, each with its role.
  return { id: linkId(e.type, source, target, e.props), type: e.type, source, target, ratio: e.props.ratio, role: e.props.role };
}

/** A probed entity's degree and, for a supernode, what it hides: its relationships by type and kind less those drawn. */
function finish(node: NetworkNode, probe: Probe, threshold: number, drawn: Iterable<{ edge: NetworkEdge; otherKind: NetworkNodeKind }>): void {
  node.supernode = probe.probed > threshold;
  node.degree = node.supernode ? probe.summary.reduce((s, c) => s + c.count, 0) : probe.probed;
  if (!node.supernode) return;
  const hidden = new Map(probe.summary.map((c) => [`${c.type}/${c.kind}`, { ...c }]));
  for (const { edge, otherKind } of drawn) {
    const c = hidden.get(`${edge.type}/${otherKind}`);
    if (c) c.count -= 1;
  }
  node.hiddenNeighbours = [...hidden.values()].filter((c) => c.count > 0).sort((a, b) => b.count - a.count || a.type.localeCompare(b.type) || a.kind.localeCompare(b.kind));
}

export async function neighborhood(graph: GraphReader, input: NeighborhoodParams): Promise<Network | null> {
  const params = neighborhoodParams.parse(input);
  const start = await resolveTarget(graph, params.key);
  if (!start) return null;

  const nodes = new Map<string, NetworkNode>();
  const edges = new Map<string, NetworkEdge>();
  const probes = new Map<string, Probe>();
  const limitsHit = new Set<string>();
  const cutNodes = new Set<string>();
  const cutEdges = new Set<string>();
  const elements = () => nodes.size + edges.size;
  let unexpanded = 0;

  let frontier: Target[] = [start];
  let centerId: string | null = null;
  for (let hop = 1; hop <= params.depth && frontier.length > 0; hop++) {
    if (centerId !== null && elements() >= params.budget) {
      // Nothing more fits: the rest of the frontier is drawn but not opened.
      limitsHit.add('budget');
      unexpanded += frontier.length;
      break;
    }
    // The entity asked about is opened even when it is a supernode: its first fanOut relationships, the rest counted.
    const rows = await neighbours(graph, frontier.map((t) => ({ ...t, expand: true, force: centerId === null })), params, { skip: 0, size: params.fanOut });
    if (centerId === null) {
      const self = rows[0];
      if (!self) return null;
      const center = drawNode(self.self, true);
      nodes.set(center.id, center);
      centerId = center.id;
    }
    const next: Target[] = [];
    for (const row of rows) {
      const self = nodes.get(networkNodeId(row))!;
      probes.set(self.id, { probed: row.probed, summary: row.summary });
      if (row.probed > params.fanOut) limitsHit.add(`fanOut:${self.key}`);
      for (const e of row.edges) {
        const found = drawNode(e.other, false);
        const other = nodes.get(found.id) ?? found;
        const edge = drawEdge(self, e, other);
        if (edges.has(edge.id)) continue;
        const isNew = !nodes.has(other.id);
        if (isNew && nodes.size >= params.limit) {
          limitsHit.add('nodeLimit');
          cutNodes.add(other.id);
          cutEdges.add(edge.id);
          continue;
        }
        if (elements() + (isNew ? 2 : 1) > params.budget) {
          limitsHit.add('budget');
          if (isNew) cutNodes.add(other.id);
          cutEdges.add(edge.id);
          continue;
        }
        if (isNew) {
          nodes.set(other.id, other);
          next.push({ kind: other.kind, key: other.key });
        }
        edges.set(edge.id, edge);
      }
    }
    frontier = next;
  }

  // Entities at the last hop were not opened (that is the depth asked for, not a cap), but the
  // reader still sees their degree and whether they are supernodes, at the cost of one query.
  const unprobed = [...nodes.values()].filter((n) => !probes.has(n.id));
  for (const row of await neighbours(graph, unprobed.map((n) => ({ kind: n.kind, key: n.key, expand: false, force: false })), params, { skip: 0, size: 0 })) {
    probes.set(networkNodeId(row), { probed: row.probed, summary: row.summary });
  }
  const drawnOf = new Map<string, { edge: NetworkEdge; otherKind: NetworkNodeKind }[]>();
  for (const edge of edges.values()) {
    drawnOf.set(edge.source, [...(drawnOf.get(edge.source) ?? []), { edge, otherKind: nodes.get(edge.target)!.kind }]);
    drawnOf.set(edge.target, [...(drawnOf.get(edge.target) ?? []), { edge, otherKind: nodes.get(edge.source)!.kind }]);
  }
  for (const node of nodes.values()) finish(node, probes.get(node.id) ?? { probed: 0, summary: [] }, params.fanOut, drawnOf.get(node.id) ?? []);

  const cut: NetworkCut = {
    nodes: [...cutNodes].filter((id) => !nodes.has(id)).length,
    edges: [...cutEdges].filter((id) => !edges.has(id)).length,
    unexpanded,
  };
  const hit = [...limitsHit].sort();
  return { nodes: [...nodes.values()], edges: [...edges.values()], exhaustive: hit.length === 0, limitsHit: hit, cut };
}

/**
 * A page of one entity's neighbours (opening a supernode): `first` relationships after `offset`,
 * in the query's total order, each with the entity at the other end, probed as in a network (its
 * degree, whether it is a supernode itself). Null when the key names no entity.
 */
export async function neighbourPage(graph: GraphReader, input: NeighbourPageParams): Promise<NeighbourPage | null> {
  const params = neighbourPageParams.parse(input);
  const target = await resolveTarget(graph, params.key);
  if (!target) return null;
  // One more than asked: it only tells that another page exists.
  const [row] = await neighbours(graph, [{ ...target, expand: true, force: true }], params, { skip: params.offset, size: params.first + 1 });
  if (!row) return null;
  const node = drawNode(row.self, true);
  finish(node, { probed: row.probed, summary: row.summary }, params.fanOut, []);
  const shown = row.edges.slice(0, params.first);
  const others = new Map<string, NetworkNode>();
  for (const e of shown) {
    const other = drawNode(e.other, false);
    others.set(other.id, other);
  }
  const probeRows = await neighbours(graph, [...others.values()].map((n) => ({ kind: n.kind, key: n.key, expand: false, force: false })), params, { skip: 0, size: 0 });
  for (const r of probeRows) {
    const other = others.get(networkNodeId(r))!;
    const toAnchor = row.edges.filter((e) => networkNodeId(refOf(e.other)) === other.id).map((e) => ({ edge: drawEdge(node, e, other), otherKind: node.kind }));
    finish(other, { probed: r.probed, summary: r.summary }, params.fanOut, toAnchor);
  }
  return {
    node,
    neighbours: shown.map((e) => {
      const other = others.get(networkNodeId(refOf(e.other)))!;
      return { node: other, edge: drawEdge(node, e, other) };
    }),
    more: row.edges.length > params.first,
    total: node.degree,
  };
}
