import type { Chain, Subgraph } from './envelope.ts';
import type { FoundPath } from './exploredGraph.ts';
import { evidenceEdge, type Link, type NetworkNode } from './network.ts';

/**
 * Walks of the network (paths, neighbourhoods, the network joining a case's firms) in the
 * envelope's evidence shape.
 */

/** A path as a chain: every relationship keeps its direction, `details.reversed` where it points back. */
export function pathChain(nodes: ReadonlyMap<string, NetworkNode>, p: FoundPath): Chain {
  return {
    kind: 'path',
    path: p.nodes.map((id) => nodes.get(id)!.ref),
    edges: p.links.map((l, i) => {
      const edge = evidenceEdge(l, p.nodes[i]);
      const also = p.alsoLinkedBy[i] ?? [];
      return also.length > 0 ? { ...edge, details: { ...edge.details, alsoLinkedBy: also } } : edge;
    }),
    product: null,
  };
}

/** Entities and relationships, each relationship with its source and target keys. */
export function subgraphOf(nodes: ReadonlyMap<string, NetworkNode>, ids: Iterable<string>, links: Iterable<Link>): Subgraph {
  const key = (id: string) => nodes.get(id)!.ref.key;
  return {
    nodes: [...ids].map((id) => nodes.get(id)!.ref),
    edges: [...links].map((l) => ({ ...evidenceEdge(l), source: key(l.source), target: key(l.target) })),
  };
}
