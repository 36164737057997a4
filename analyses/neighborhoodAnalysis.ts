import { z } from 'zod';
import type { GraphReader } from '../cypher/run.ts';
import { dateParam } from '../cypher/values.ts';
import { AnalysisError, bySubject, envelopeOf, sortedLimits, type Chain, type EntityRef, type Envelope, type EvidenceEdge, type Finding } from './envelope.ts';
import { allGroups, countsText, evidenceEdge, typePriority, typesOf, typesParam, type NetworkType } from './network.ts';
import { subgraphOf } from './networkEvidence.ts';
import { walkNetwork, type Walk, type WalkedNode } from './networkWalk.ts';
import { entityText, isoDate, limitParams } from './params.ts';
import { currentKey, keyKind } from './resolve.ts';
import { resolveEntity } from './resolveEntity.ts';
import { LEGAL_REPRESENTATIVE } from './rules.ts';

/**
 * 关系网络 / the neighbourhood of a firm or person: every entity within `depth` hops through the
 * relationship types asked for — holdings, roles, control, family, branches, memberships, shared
 * addresses, phones, e-mail and websites, flags — one finding per entity with its distance and the
 * route from the centre, the whole network as the centre's subgraph. An entity with more
 * relationships than `fanOut` is drawn with the strongest ones and a summary of the rest, counted
 * by type. docs/analyses/neighborhood.md.
 */

export const neighborhoodAnalysisParams = z.object({
  /** The centre: a firm or person, by key (as the entities API's `neighborhood(key)`) or exact name. */
  key: entityText,
  depth: z.coerce.number().int().min(1).max(3).default(2),
  types: typesParam(allGroups),
  /** Most relationships drawn per entity; the rest are summarised by type. */
  fanOut: z.coerce.number().int().min(1).max(1000).default(50),
  maxNodes: z.coerce.number().int().min(2).max(5000).default(500),
  timeoutMs: limitParams.timeoutMs,
  asOf: isoDate.optional(),
});
export type NeighborhoodAnalysisParams = z.output<typeof neighborhoodAnalysisParams>;

const kindOrder = ['COMPANY', 'PERSON', 'ADDRESS', 'PHONE', 'EMAIL', 'WEBSITE', 'LIST_ENTRY'];

/** The route from the centre to `node` along the walk's breadth-first tree. */
function routeFromCentre(walk: Walk, node: WalkedNode): Chain {
  const path = [node.ref];
  const edges: EvidenceEdge[] = [];
  for (let n = node; n.via; n = walk.nodes.get(n.via.from)!) {
    path.unshift(walk.nodes.get(n.via.from)!.ref);
    edges.unshift(evidenceEdge(n.via.link, n.via.from));
  }
  return { kind: 'path', path, edges, product: null };
}

const total = (counts: Partial<Record<NetworkType, number>>) => Object.values(counts).reduce((s, n) => s + (n ?? 0), 0);

function summary(omitted: Partial<Record<NetworkType, number>>): string {
  const parts = countsText(omitted).join('，');
  return `另有 ${total(omitted)} 条关系未展开：${parts} / ${total(omitted)} more relationships not drawn: ${parts}`;
}

export async function neighborhoodAnalysis(graph: GraphReader, params: NeighborhoodAnalysisParams): Promise<Envelope> {
  const ranAt = new Date().toISOString();
  const walkFrom = (centre: EntityRef) =>
    walkNetwork(graph, centre, {
      depth: params.depth,
      maxNodes: params.maxNodes,
      fanOut: params.fanOut,
      types: typesOf(params.types),
      asOf: dateParam(params.asOf),
      timeoutMs: params.timeoutMs,
    });
  // A key is walked from at once (the first hop says whether it exists); a name is resolved first.
  const kind = keyKind(params.key);
  // A person key merged into another person starts from the survivor.
  const key = kind === 'COMPANY' ? params.key.trim().toUpperCase() : kind === 'PERSON' ? await currentKey(graph, params.key.trim()) : params.key.trim();
  const keyed: EntityRef | null = kind ? { kind, key, name: key } : null;
  const walk = (keyed ? await walkFrom(keyed) : null) ?? (await walkFrom(await resolveEntity(graph, params.key)));
  if (!walk) throw new AnalysisError('NOT_FOUND', `未找到“${params.key}” / "${params.key}" was not found`);

  // A cap anywhere may hide a shorter route to any entity, so every finding carries every cap.
  const limitsHit = sortedLimits(walk.limitsHit);
  const linksOf = new Map<string, Set<NetworkType>>();
  const shown = new Map<string, number>();
  for (const l of walk.links.values()) {
    for (const id of [l.source, l.target]) {
      (linksOf.get(id) ?? linksOf.set(id, new Set()).get(id)!).add(l.type);
      shown.set(id, (shown.get(id) ?? 0) + 1);
    }
  }

  // Every office between two entities, each role apart: 执行董事 and 总经理 are two (a table row
  // shows the route's one step, which would show one of them).
  const offices = new Map<string, string[]>();
  for (const l of walk.links.values()) {
    if (l.type !== 'OFFICER_OF' && l.type !== 'LEGAL_REPRESENTATIVE_OF') continue;
    const title = l.type === 'LEGAL_REPRESENTATIVE_OF' ? LEGAL_REPRESENTATIVE : (l.props.role ?? '');
    const pair = [l.source, l.target].sort().join(' ');
    offices.set(pair, [...(offices.get(pair) ?? []), title]);
  }
  const rolesWith = (a: string, b: string) =>
    [...(offices.get([a, b].sort().join(' ')) ?? [])].sort((x, y) => Number(y === LEGAL_REPRESENTATIVE) - Number(x === LEGAL_REPRESENTATIVE) || x.localeCompare(y, 'zh'));

  const findings: Finding[] = [...walk.nodes.values()].map((node) => {
    const overflow = walk.overflow.get(node.id);
    const degree = walk.degrees.get(node.id) ?? null;
    // Entities at the last hop were not expanded: what they have beyond is unknown, not zero.
    const omitted = overflow ? total(overflow.omitted) : degree === null ? null : 0;
    const centreFinding = node === walk.start;
    return {
      subject: node.ref,
      score: 1 / (1 + node.distance),
      facts: {
        distance: node.distance,
        status: node.status,
        relationshipTypes: typePriority.filter((t) => linksOf.get(node.id)?.has(t)),
        roles: node.via ? rolesWith(node.id, node.via.from) : [],
        degree,
        shown: shown.get(node.id) ?? 0,
        omitted,
        omittedByType: overflow ? countsText(overflow.omitted) : [],
        summary: overflow ? summary(overflow.omitted) : null,
      },
      evidence: centreFinding
        ? { chains: [], chainsComplete: true, subgraph: subgraphOf(walk.nodes, walk.nodes.keys(), walk.links.values()) }
        : { chains: [routeFromCentre(walk, node)], chainsComplete: (shown.get(node.id) ?? 0) <= 1 },
      exhaustive: limitsHit.length === 0,
      limitsHit,
    };
  });
  findings.sort(
    (a, b) =>
      (a.facts.distance as number) - (b.facts.distance as number) ||
      kindOrder.indexOf(a.subject.kind) - kindOrder.indexOf(b.subject.kind) ||
      bySubject(a, b),
  );

  return envelopeOf('neighborhood', { ...params }, ranAt, walk.start.ref, limitsHit, findings);
}
