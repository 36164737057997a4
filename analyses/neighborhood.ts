import { z } from 'zod';
import type { GraphReader } from '../cypher/run.ts';
import { linkId, typesOf } from './network.ts';
import { walkNetwork } from './networkWalk.ts';

/**
 * The network the entities API draws (`neighborhood` query, the web app's network view): holdings
 * and roles within k hops of a firm or person, at most `limit` entities and `fanOut`
 * relationships per entity, by the walk the `neighborhood` analysis shares (networkWalk.ts).
 * What a cap left out is named in limitsHit, so a missing link is never mistaken for the absence
 * of one.
 */

export const neighborhoodParams = z.object({
  key: z.string().min(1),
  depth: z.number().int().min(1).max(3).default(1),
  limit: z.number().int().min(1).max(2000).default(150),
  fanOut: z.number().int().min(1).max(500).default(50),
});
export type NeighborhoodParams = z.input<typeof neighborhoodParams>;

export type EntityKind = 'COMPANY' | 'PERSON';

export interface NetworkNode {
  id: string;
  kind: EntityKind;
  label: string;
  status: string | null;
  center: boolean;
}

export interface NetworkEdge {
  id: string;
  type: 'HOLDS_SHARES' | 'LEGAL_REPRESENTATIVE_OF' | 'OFFICER_OF';
  source: string;
  target: string;
  ratio: number | null;
  role: string | null;
}

export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  exhaustive: boolean;
  limitsHit: string[];
}

interface EntityRow {
  kind: EntityKind;
  key: string;
  name: string;
  status: string | null;
}

/** The network view draws holdings and roles; the `neighborhood` analysis offers the other types. */
const networkViewTypes = typesOf(['holdings', 'roles']);

export async function neighborhood(graph: GraphReader, input: NeighborhoodParams): Promise<Network | null> {
  const params = neighborhoodParams.parse(input);
  const [start] = await graph.read<{ entity: EntityRow }>('analyses/entityByKey', { key: params.key });
  if (!start) return null;
  const walk = await walkNetwork(graph, start.entity, { depth: params.depth, maxNodes: params.limit, fanOut: params.fanOut, types: networkViewTypes, asOf: null });
  if (!walk) return null;

  const keyOf = (id: string) => walk.nodes.get(id)!.ref.key;
  const nodes: NetworkNode[] = [...walk.nodes.values()].map((n) => ({
    id: n.ref.key,
    kind: n.ref.kind as EntityKind,
    label: n.ref.name,
    status: n.status,
    center: n === walk.start,
  }));
  const edges: NetworkEdge[] = [...walk.links.values()].map((l) => {
    const [source, target] = [keyOf(l.source), keyOf(l.target)];
    // One edge per relationship: a person who is 执行董事 and 总经理 has two, each with its role.
    return { id: linkId(l.type, source, target, l.props), type: l.type as NetworkEdge['type'], source, target, ratio: l.props.ratio, role: l.props.role };
  });
  // This API has always called the entity cap 'nodeLimit'; the analyses' envelope calls it 'nodes'.
  const limitsHit = [...walk.limitsHit].map((l) => (l === 'nodes' ? 'nodeLimit' : l)).sort();
  return { nodes, edges, exhaustive: limitsHit.length === 0, limitsHit };
}
