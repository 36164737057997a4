import type { GraphReader } from '../cypher/run.ts';
import type { EntityRef } from './envelope.ts';
import { ExploredGraph, type FoundPath } from './exploredGraph.ts';
import { nodeId, type NetworkNode, type NetworkType } from './network.ts';

/**
 * The k shortest simple paths between two entities, by a bidirectional breadth-first search over
 * per-hop queries (analyses/network.ts), with hubs pruned.
 *
 * Each side keeps a radius r: every entity it reaches at fewer than r hops has been expanded.
 * Then every path of at most rA + rB hops is made of relationships already fetched — its first
 * rA steps leave entities the first side expanded, its other steps reach entities the second
 * side expanded — so the paths of that length can be listed from memory, exactly. The search
 * widens the side with the smaller frontier one hop at a time until `want` paths of at most
 * rA + rB hops are known, or rA + rB reaches maxHops, or a side runs out of entities (its whole
 * component is then known), or a cap stops it. The paths listed are then the `want` shortest
 * simple paths (Yen's answer, found by widening the search rather than by deviations), ties
 * broken by the strength of their relationships.
 *
 * A hub — an entity other than the two ends with more than `fanOut` relationships of the types
 * followed (a registration agent's address, an accountant's phone, a state holder) — is reached
 * but never passed through. It is reported when a path through it could be shorter than the last
 * path listed (or lie within maxHops, when fewer were found): a cap, never a negative finding.
 */

export interface PathSearchOptions {
  types: readonly NetworkType[];
  maxHops: number;
  /** Paths wanted: the shortest and the alternatives after it. */
  want: number;
  fanOut: number;
  maxNodes: number;
  deadline: number;
  asOf: unknown;
  /** Firms whose registration has ended are no intermediate hop (the two ends may be such firms). */
  activeOnly?: boolean;
}

export interface Hub {
  node: NetworkNode;
  /** Its relationships of the types followed (ended ones included). */
  degree: number;
  /** Shortest length a path through it can have, given what the search saw. */
  lowerBound: number;
  /** A path through it exists (both sides reached it): its length is lowerBound. */
  bridges: boolean;
  /** The route through it, or from the side that reached it. */
  route: FoundPath;
}

export interface PathSearch {
  nodes: Map<string, NetworkNode>;
  paths: FoundPath[];
  hubs: Hub[];
  /** 'depth', 'nodes', 'time', 'fanOut:<key>'. */
  limitsHit: Set<string>;
}

export async function searchPaths(graph: GraphReader, fromRef: EntityRef, toRef: EntityRef, o: PathSearchOptions): Promise<PathSearch> {
  const g = new ExploredGraph();
  const ends = [nodeId(fromRef), nodeId(toRef)] as const;
  g.nodes.set(ends[0], { id: ends[0], ref: { kind: fromRef.kind, key: fromRef.key, name: fromRef.name }, status: null });
  g.nodes.set(ends[1], { id: ends[1], ref: { kind: toRef.kind, key: toRef.key, name: toRef.name }, status: null });
  const dist = [new Map([[ends[0], 0]]), new Map([[ends[1], 0]])];
  const radius = [0, 0];
  let frontier: string[][] = [[ends[0]], [ends[1]]];
  const limitsHit = new Set<string>();

  const endSet = new Set(ends);
  const expandSide = async (s: 0 | 1) => {
    await g.expand(graph, frontier[s]!, { types: o.types, fanOut: o.fanOut, asOf: o.asOf, activeOnly: o.activeOnly, keep: [fromRef.key, toRef.key] }, endSet);
    const next: string[] = [];
    for (const u of frontier[s]!) {
      for (const v of g.adjacency.get(u)?.keys() ?? []) {
        if (dist[s]!.has(v)) continue;
        dist[s]!.set(v, radius[s]! + 1);
        if (!g.hubs.has(v)) next.push(v);
      }
    }
    radius[s]!++;
    frontier[s] = next;
  };

  let paths: FoundPath[] = [];
  let exhausted = false;
  for (;;) {
    const reach = radius[0]! + radius[1]!;
    if (frontier[0]!.length === 0 || frontier[1]!.length === 0) {
      // One side's whole component is known: every path is among the relationships fetched.
      exhausted = true;
      paths = g.paths(ends[0], ends[1], o.maxHops, o.want);
      break;
    }
    paths = reach > 0 ? g.paths(ends[0], ends[1], reach, o.want) : [];
    if (paths.length >= o.want) break;
    if (reach >= o.maxHops) {
      limitsHit.add('depth');
      break;
    }
    // Each side's first hop always runs: without it there is nothing to say.
    if (radius[0]! > 0 && radius[1]! > 0 && Date.now() >= o.deadline) {
      limitsHit.add('time');
      break;
    }
    if (g.nodes.size >= o.maxNodes) {
      limitsHit.add('nodes');
      break;
    }
    const side: 0 | 1 = radius[0] === 0 ? 0 : radius[1] === 0 ? 1 : frontier[0]!.length <= frontier[1]!.length ? 0 : 1;
    await expandSide(side);
  }

  for (const id of g.truncated) limitsHit.add(`fanOut:${g.nodes.get(id)!.ref.key}`);
  // A hub matters when a path through it could be shorter than the last path listed, or, when
  // fewer paths than wanted were found, when it could lead to one within maxHops.
  const matters = (length: number) => (paths.length >= o.want ? length < paths[o.want - 1]!.links.length : length <= o.maxHops);
  const beyond = (s: 0 | 1) => (exhausted && frontier[s]!.length === 0 ? Infinity : radius[s]! + 1);
  const hubs: Hub[] = [];
  for (const [id, degree] of g.hubs) {
    const [a, b] = [dist[0]!.get(id), dist[1]!.get(id)];
    const lowerBound = (a ?? beyond(0)) + (b ?? beyond(1));
    if (!matters(lowerBound)) continue;
    limitsHit.add(`fanOut:${g.nodes.get(id)!.ref.key}`);
    const toHub = a !== undefined ? g.route(ends[0], id) : null;
    const fromHub = b !== undefined ? g.route(id, ends[1]) : null;
    const nodes = toHub && fromHub ? [...toHub, ...fromHub.slice(1)] : (toHub ?? fromHub ?? [id]);
    hubs.push({ node: g.nodes.get(id)!, degree, lowerBound, bridges: a !== undefined && b !== undefined, route: g.step(nodes) });
  }
  hubs.sort((x, y) => x.lowerBound - y.lowerBound || y.degree - x.degree || x.node.id.localeCompare(y.node.id));
  return { nodes: g.nodes, paths, hubs, limitsHit };
}
