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

/**
 * What the search covered, in plain words, beside every finding: a depth limit means only that
 * longer paths were not looked for, never that a path listed is in doubt.
 */
export function searchedText(found: number, params: Pick<PathsParams, 'k' | 'maxHops' | 'maxNodes' | 'timeoutMs'>, limitsHit: readonly string[], hubs: number): string {
  const want = params.k + 1;
  const pathsEn = (n: number) => `${n} path${n === 1 ? '' : 's'}`;
  const zh: string[] = [];
  const en: string[] = [];
  if (limitsHit.includes('nodes') || limitsHit.includes('time')) {
    const why = limitsHit.includes('nodes') ? `查到 ${params.maxNodes} 个实体` : `到达时限 ${params.timeoutMs} 毫秒`;
    const whyEn = limitsHit.includes('nodes') ? `after ${params.maxNodes} entities` : `when its ${params.timeoutMs} ms ran out`;
    zh.push(`搜索在${why}后停止，列出的是已查到部分中最短的 ${found} 条路径，其余未查找`);
    en.push(`the search stopped ${whyEn}: the ${pathsEn(found)} listed are the shortest of what it saw; the rest was not searched`);
  } else if (limitsHit.includes('depth')) {
    zh.push(`${params.maxHops} 跳以内的路径已全部查找，共 ${found} 条（要求 ${want} 条）；更长的路径未查找（可调大 maxHops）`);
    en.push(`every path of up to ${params.maxHops} hops was searched: ${found} found (${want} asked for); longer paths were not searched (raise maxHops)`);
  } else if (found >= want) {
    zh.push(`这是${hubs > 0 ? '不经过枢纽的' : ''}最短的 ${found} 条路径`);
    en.push(`these are the ${found} shortest paths${hubs > 0 ? ' that pass through no hub' : ''}`);
  } else {
    zh.push(`两者之间${hubs > 0 ? '不经过枢纽的' : ''}路径只有这 ${found} 条`);
    en.push(`${found === 1 ? 'this is the only path' : `these are all ${found} paths`} between the two${hubs > 0 ? ` that pass${found === 1 ? 'es' : ''} through no hub` : ''}`);
  }
  if (hubs > 0) {
    zh.push(`未穿过 ${hubs} 个关系过多的枢纽（见 hubsSkipped），经过它们的路径未查找`);
    en.push(`${hubs} hubs with too many relationships were not passed through (see hubsSkipped); paths through them were not searched`);
  }
  return `${zh.join('；')} / ${en.join('; ')}`;
}

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
  const searched = searchedText(search.paths.length, params, limitsHit, search.hubs.length);
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
      searched,
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
      searched,
    },
    evidence: pathEvidence(search.nodes, h.route),
    exhaustive: false,
    limitsHit: sortedLimits([...findingLimits, `fanOut:${h.node.ref.key}`]),
  }));

  return envelopeOf('paths', { ...params }, ranAt, search.nodes.get(`${from.kind}:${from.key}`)!.ref, limitsHit, [...pathFindings, ...hubFindings]);
}
