import { z } from 'zod';
import type { GraphReader } from '../../cypher/run.ts';
import { ownershipFrom, ownershipInto } from '../integratedOwnership.ts';
import { downstream, upstream, type GraphNode, type OwnershipGraph } from '../ownershipGraph.ts';
import { OwnershipView } from '../ownershipView.ts';
import { limitParams } from '../params.ts';

/**
 * Effective (integrated) ownership for a profile: the same walk and the same solve as
 * `beneficial-owners` (up) and `controlled-firms` (down) — ownershipGraph.ts, OwnershipView,
 * integratedOwnership.ts — under the analyses' default caps, so a profile's effective % is the
 * figure those analyses give. Nothing is computed a second way here.
 */

export interface Reach {
  /** Every entity the walk met, by key. */
  nodes: Map<string, GraphNode>;
  /** Effective ownership: up, of the firm by each holder; down, of each firm by the entity. */
  effective: Map<string, number>;
  /** Entities with a current direct holding (up: holders of the firm; down: firms it holds). */
  direct: Set<string>;
  /** Caps of the walk that were reached (depth, nodes, fanOut, time, convergence). */
  limitsHit: string[];
}

const defaultLimits = z.object(limitParams).parse({});

function reachOf(g: OwnershipGraph, values: Map<string, number>, converged: boolean, isDirect: (holder: string, firm: string) => boolean): Reach {
  const limitsHit = new Set([...g.limitsHit].map((l) => (l.startsWith('fanOut:') ? 'fanOut' : l)));
  if (!converged) limitsHit.add('convergence');
  const direct = new Set<string>();
  for (const e of g.edges) if (e.type === 'HOLDS_SHARES' && isDirect(e.holder, e.firm)) direct.add(e.holder === g.start.key ? e.firm : e.holder);
  return { nodes: g.nodes, effective: values, direct, limitsHit: [...limitsHit].sort() };
}

/** The holders of a firm, direct and indirect, with their integrated ownership of it. */
export async function holdersReach(graph: GraphReader, firm: GraphNode): Promise<Reach> {
  const g = await upstream(graph, firm, null, defaultLimits);
  const solution = ownershipInto(firm.key, new OwnershipView(g).weighted);
  return reachOf(g, solution.values, solution.converged, (_, held) => held === firm.key);
}

/** The firms an entity holds, directly and through others, with its integrated ownership of each. */
export async function holdingsReach(graph: GraphReader, entity: GraphNode): Promise<Reach> {
  const g = await downstream(graph, entity, null, defaultLimits);
  const solution = ownershipFrom(entity.key, new OwnershipView(g).weighted);
  return reachOf(g, solution.values, solution.converged, (holder) => holder === entity.key);
}
