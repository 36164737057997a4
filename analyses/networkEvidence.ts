import type { Chain, EntityRef, Finding, Subgraph } from './envelope.ts';
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

/**
 * Every entity and relationship on the findings' evidence (chains and cycle subgraphs), each once:
 * the network a report draws. A relationship is the same one when type, ends and figures agree.
 */
export function evidenceNetwork(findings: readonly Finding[]): Subgraph {
  const nodes = new Map<string, EntityRef>();
  const edges = new Map<string, Subgraph['edges'][number]>();
  const addEdge = (edge: Subgraph['edges'][number]) => {
    const id = JSON.stringify([edge.type, edge.source, edge.target, edge.ratio ?? null, edge.role ?? null, edge.basis ?? null]);
    if (!edges.has(id)) edges.set(id, edge);
  };
  for (const f of findings) {
    nodes.set(f.subject.key, nodes.get(f.subject.key) ?? f.subject);
    for (const c of f.evidence.chains) {
      for (const ref of c.path) if (!nodes.has(ref.key)) nodes.set(ref.key, ref);
      c.edges.forEach((e, i) => {
        // A route walked against a relationship's direction records the relationship as it points.
        const [source, target] = e.details?.reversed === true ? [c.path[i + 1]!.key, c.path[i]!.key] : [c.path[i]!.key, c.path[i + 1]!.key];
        const { reversed: _reversed, ...details } = e.details ?? {};
        addEdge({ ...e, ...(e.details ? { details } : {}), source, target });
      });
    }
    for (const ref of f.evidence.subgraph?.nodes ?? []) if (!nodes.has(ref.key)) nodes.set(ref.key, ref);
    for (const e of f.evidence.subgraph?.edges ?? []) addEdge(e);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}
