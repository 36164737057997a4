import { z } from 'zod';
import type { Graph } from '../cypher/run.ts';
import { int } from '../cypher/values.ts';

/**
 * The network within k hops of an entity, walked breadth-first one hop per query so that caps can
 * be applied as it goes: at most `fanOut` relationships per entity (a registration agent's address
 * or a state holder can have thousands) and at most `limit` entities in all. What a cap left out
 * is named in limitsHit, so a missing link is never mistaken for the absence of one.
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

interface ExpandRow {
  from: string;
  degree: number;
  self: EntityRow;
  edges: { type: NetworkEdge['type']; source: string; target: string; ratio: number | null; role: string | null; other: EntityRow }[];
}

export async function neighborhood(graph: Graph, input: NeighborhoodParams): Promise<Network | null> {
  const params = neighborhoodParams.parse(input);
  const [start] = await graph.read<{ entity: EntityRow }>('analyses/entityByKey', { key: params.key });
  if (!start) return null;

  const nodes = new Map<string, NetworkNode>([[start.entity.key, { id: start.entity.key, kind: start.entity.kind, label: start.entity.name, status: start.entity.status, center: true }]]);
  const edges = new Map<string, NetworkEdge>();
  const limitsHit = new Set<string>();
  let frontier = [start.entity.key];

  for (let hop = 1; hop <= params.depth && frontier.length > 0; hop++) {
    const rows = await graph.read<ExpandRow>('analyses/neighborhoodExpand', { keys: frontier, fanOut: int(params.fanOut) });
    const next: string[] = [];
    for (const row of rows) {
      if (row.degree > row.edges.length) limitsHit.add(`fanOut:${row.from}`);
      for (const e of row.edges) {
        if (!nodes.has(e.other.key)) {
          if (nodes.size >= params.limit) {
            limitsHit.add('nodeLimit');
            continue;
          }
          nodes.set(e.other.key, { id: e.other.key, kind: e.other.kind, label: e.other.name, status: e.other.status, center: false });
          next.push(e.other.key);
        }
        const id = `${e.type}:${e.source}->${e.target}`;
        edges.set(id, { id, type: e.type, source: e.source, target: e.target, ratio: e.ratio, role: e.role });
      }
    }
    frontier = next;
  }
  // Entities at the last hop may have further relationships; that is the depth asked for, not a cap.
  return { nodes: [...nodes.values()], edges: [...edges.values()], exhaustive: limitsHit.size === 0, limitsHit: [...limitsHit].sort() };
}
