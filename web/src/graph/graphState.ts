// The investigation graph as plain data. React holds it; the canvas only draws what it is given.
// Every function returns a new state (never mutates), so React can compare by reference.

import type { EntityKind, Network, NetworkEdge, RelationshipType } from '../api.ts';

/**
 * What this view draws: firms and people, holdings and roles. The API's network can carry more
 * (addresses, phones, list entries; branches, control, shared contacts …) when asked for them;
 * the app asks for the defaults, which are these, and keeps to them here, where a network enters.
 */
export const drawnKinds = ['COMPANY', 'PERSON'] as const satisfies readonly EntityKind[];
export const drawnRelationshipTypes = ['HOLDS_SHARES', 'LEGAL_REPRESENTATIVE_OF', 'OFFICER_OF'] as const satisfies readonly RelationshipType[];
export type DrawnRelationshipType = (typeof drawnRelationshipTypes)[number];

const isDrawnKind = (kind: string): kind is EntityKind => (drawnKinds as readonly string[]).includes(kind);
const isDrawnType = (type: string): type is DrawnRelationshipType => (drawnRelationshipTypes as readonly string[]).includes(type);

export interface GraphNode {
  id: string;
  kind: EntityKind;
  label: string;
  status: string | null;
  inactive: boolean;
}

export interface GraphEdge {
  id: string;
  type: DrawnRelationshipType;
  source: string;
  target: string;
  ratio: number | null;
  role: string | null;
}

export interface Expansion {
  id: string;
  depth: number;
  /** Nodes this expansion brought in that were not drawn before, so an investigator can see what it added. */
  addedNodes: string[];
}

export interface GraphState {
  /** Insertion order is kept so the drawing stays stable when a network is merged in. */
  nodes: ReadonlyMap<string, GraphNode>;
  edges: ReadonlyMap<string, GraphEdge>;
  /** The entity the investigator started from; the server marks a centre per request, we keep the first. */
  centerId: string | null;
  selectedId: string | null;
  /** Expansions in the order they were made. */
  expansions: readonly Expansion[];
  /** False once any loaded network was cut short by a server cap. */
  exhaustive: boolean;
  limitsHit: readonly string[];
}

export function emptyGraph(): GraphState {
  return {
    nodes: new Map(),
    edges: new Map(),
    centerId: null,
    selectedId: null,
    expansions: [],
    exhaustive: true,
    limitsHit: [],
  };
}

/** A fresh graph around `centerId` (a new search result or a new depth), selecting the centre. */
export function loadNetwork(network: Network, centerId: string): GraphState {
  const merged = mergeNetwork({ ...emptyGraph(), centerId }, network);
  return { ...merged, selectedId: merged.nodes.has(centerId) ? centerId : null };
}

/**
 * Adds a network to the graph. Nodes and edges already drawn are kept (a later answer only fills
 * in fields the earlier one lacked), so repeated expansions never duplicate anything.
 * With `expandedId` the merge is recorded as an expansion of that node.
 */
export function mergeNetwork(
  state: GraphState,
  network: Network,
  expanded?: { id: string; depth: number },
): GraphState {
  const nodes = new Map(state.nodes);
  const addedNodes: string[] = [];
  for (const incoming of network.nodes) {
    const kind = incoming.kind;
    if (!isDrawnKind(kind)) continue;
    const existing = nodes.get(incoming.id);
    if (existing) {
      if (existing.status == null && incoming.status != null) {
        nodes.set(incoming.id, { ...existing, status: incoming.status, inactive: incoming.inactive });
      }
      continue;
    }
    nodes.set(incoming.id, {
      id: incoming.id,
      kind,
      label: incoming.label,
      status: incoming.status,
      inactive: incoming.inactive,
    });
    addedNodes.push(incoming.id);
  }

  const edges = new Map(state.edges);
  for (const incoming of network.edges) {
    // An edge to a node the server left out (a cap hit mid-way) cannot be drawn.
    if (!nodes.has(incoming.source) || !nodes.has(incoming.target)) continue;
    if (edges.has(incoming.id)) continue;
    const type = incoming.type;
    if (!isDrawnType(type)) continue;
    edges.set(incoming.id, toGraphEdge(incoming, type));
  }

  const limitsHit = [...state.limitsHit];
  for (const limit of network.limitsHit) if (!limitsHit.includes(limit)) limitsHit.push(limit);

  return {
    ...state,
    nodes,
    edges,
    centerId: state.centerId ?? network.nodes.find((n) => n.center)?.id ?? null,
    expansions: expanded
      ? [...state.expansions, { id: expanded.id, depth: expanded.depth, addedNodes }]
      : state.expansions,
    exhaustive: state.exhaustive && network.exhaustive,
    limitsHit,
  };
}

function toGraphEdge(edge: NetworkEdge, type: DrawnRelationshipType): GraphEdge {
  return {
    id: edge.id,
    type,
    source: edge.source,
    target: edge.target,
    ratio: edge.ratio,
    role: edge.role,
  };
}

/** Selecting an id that is not drawn clears the selection rather than pointing at nothing. */
export function select(state: GraphState, id: string | null): GraphState {
  const selectedId = id != null && state.nodes.has(id) ? id : null;
  return selectedId === state.selectedId ? state : { ...state, selectedId };
}

export function isExpanded(state: GraphState, id: string): boolean {
  return state.expansions.some((e) => e.id === id);
}

export function nodeList(state: GraphState): GraphNode[] {
  return [...state.nodes.values()];
}

export function edgeList(state: GraphState): GraphEdge[] {
  return [...state.edges.values()];
}

/** Edges touching a node, for the relationship list of an entity in the detail panel. */
export function edgesOf(state: GraphState, id: string): GraphEdge[] {
  return edgeList(state).filter((e) => e.source === id || e.target === id);
}
