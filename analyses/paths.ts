import { z } from 'zod';
import type { GraphReader } from '../cypher/run.ts';
import { dateParam } from '../cypher/values.ts';
import { AnalysisError, envelopeOf, sortedLimits, type EntityRef, type Envelope, type Evidence, type Finding } from './envelope.ts';
import type { FoundPath } from './exploredGraph.ts';
import { linkGroups, typesOf, typesParam, type NetworkNode } from './network.ts';
import { pathChain, subgraphOf } from './networkEvidence.ts';
import { entityText, isoDate, limitParams } from './params.ts';
import { searchPaths } from './pathSearch.ts';
import { resolveEntity } from './resolveEntity.ts';

/**
 * 查关系 / paths between two firms or persons: the shortest path and the next k alternatives
 * (the k + 1 shortest simple paths), through holdings, roles, control, family ties, branches,
 * memberships and shared addresses, phones, e-mail and websites. Hubs are not passed through and
 * are listed after the paths. docs/analyses/paths.md.
 */

export const pathsParams = z.object({
  from: entityText,
  to: entityText,
  types: typesParam(linkGroups),
  maxHops: z.coerce.number().int().min(1).max(10).default(6),
  /** Alternatives after the shortest path. */
  k: z.coerce.number().int().min(0).max(20).default(3),
  /** An entity (other than the two ends) with more relationships than this is a hub, not passed through. */
  fanOut: z.coerce.number().int().min(1).max(10_000).default(50),
  maxNodes: z.coerce.number().int().min(2).max(200_000).default(20_000),
  timeoutMs: limitParams.timeoutMs,
  asOf: isoDate.optional(),
});
export type PathsParams = z.output<typeof pathsParams>;

/** One path: its chain, and the same relationships as a subgraph for drawing. */
function pathEvidence(nodes: Map<string, NetworkNode>, p: FoundPath): Evidence {
  return { chains: [pathChain(nodes, p)], chainsComplete: true, subgraph: subgraphOf(nodes, p.nodes, p.links) };
}

const hubText = (ref: EntityRef, degree: number) => `${ref.name}（${degree} 条关系 / ${degree} relationships）`;

export async function paths(graph: GraphReader, params: PathsParams): Promise<Envelope> {
  const ranAt = new Date().toISOString();
  const [from, to] = await Promise.all([resolveEntity(graph, params.from), resolveEntity(graph, params.to)]);
  if (from.kind === to.kind && from.key === to.key) {
    throw new AnalysisError('BAD_PARAMS', `from 与 to 是同一${from.kind === 'PERSON' ? '人' : '企业'} / from and to are the same entity (${from.key})`);
  }
  const search = await searchPaths(graph, from, to, {
    types: typesOf(params.types),
    maxHops: params.maxHops,
    want: params.k + 1,
    fanOut: params.fanOut,
    maxNodes: params.maxNodes,
    deadline: Date.now() + params.timeoutMs,
    asOf: dateParam(params.asOf),
  });

  const limitsHit = sortedLimits(search.limitsHit);
  // maxHops bounds how many alternatives can be found, never whether a listed path is the shortest.
  const findingLimits = limitsHit.filter((l) => l !== 'depth');
  const hubsSkipped = search.hubs.map((h) => hubText(h.node.ref, h.degree));
  const name = (id: string) => search.nodes.get(id)!.ref.name;
  const toRef = search.nodes.get(`${to.kind}:${to.key}`)!.ref;

  const pathFindings: Finding[] = search.paths.map((p, i) => ({
    subject: toRef,
    score: 1 / p.links.length,
    facts: {
      rank: i + 1,
      hops: p.links.length,
      relationshipTypes: p.links.map((l) => l.type),
      via: p.nodes.slice(1, -1).map(name),
      hub: false,
      degree: null,
      hubsSkipped,
    },
    evidence: pathEvidence(search.nodes, p),
    exhaustive: findingLimits.length === 0,
    limitsHit: findingLimits,
  }));
  const hubFindings: Finding[] = search.hubs.map((h) => ({
    subject: h.node.ref,
    score: null,
    facts: {
      rank: null,
      hops: h.bridges ? h.lowerBound : null,
      relationshipTypes: h.route.links.map((l) => l.type),
      via: h.route.nodes.filter((id) => id !== h.node.id).map(name),
      hub: true,
      degree: h.degree,
      hubsSkipped,
    },
    evidence: pathEvidence(search.nodes, h.route),
    exhaustive: false,
    limitsHit: sortedLimits([...findingLimits, `fanOut:${h.node.ref.key}`]),
  }));

  return envelopeOf('paths', { ...params }, ranAt, search.nodes.get(`${from.kind}:${from.key}`)!.ref, limitsHit, [...pathFindings, ...hubFindings]);
}
