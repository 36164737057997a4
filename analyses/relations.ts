import { z } from 'zod';
import type { GraphReader } from '../cypher/run.ts';
import { dateParam } from '../cypher/values.ts';
import { AnalysisError, sortedLimits, type Candidate, type EntityKind } from './envelope.ts';
import type { FoundPath } from './exploredGraph.ts';
import { evidenceEdge, linkGroups, nodeId, typesOf, typesParam, type NetworkNode, type NetworkType } from './network.ts';
import { entityText, isoDate, limitParams } from './params.ts';
import { searchPaths } from './pathSearch.ts';
import { resolveEntity } from './resolveEntity.ts';
import { steinerNetwork } from './steiner.ts';

/**
 * 查关系 for the workbench: between two to five parties, for every pair the shortest path and up
 * to k alternatives (pathSearch.ts, as the `paths` analysis), and for three or more the
 * approximately smallest network joining them all (steiner.ts, as `common-controllers` does for
 * firms). Each path is a list of typed hops — who to whom, which relationship, which way it
 * points, the holding's ratio or the office — rather than the envelope's evidence chains, because
 * the chart draws hops and the reader reads them one by one. Limits are tighter than the CLI's:
 * this answers an interactive request.
 */

export const relationsParams = z.object({
  parties: z
    .array(entityText)
    .min(2, '请给出 2 至 5 方 / give 2 to 5 parties')
    .max(5, '请给出 2 至 5 方 / give 2 to 5 parties'),
  types: typesParam(linkGroups),
  maxHops: z.coerce.number().int().min(1).max(6).default(6),
  /** Alternatives after the shortest path of each pair. */
  k: z.coerce.number().int().min(0).max(10).default(3),
  fanOut: z.coerce.number().int().min(1).max(10_000).default(50),
  maxNodes: z.coerce.number().int().min(2).max(200_000).default(20_000),
  timeoutMs: limitParams.timeoutMs,
  asOf: isoDate.optional(),
  /** Firms whose registration has ended (吊销, 注销) are no intermediate hop; a party may be one. */
  activeOnly: z.boolean().default(false),
});
export type RelationsParams = z.output<typeof relationsParams>;

export interface PartySummary {
  kind: EntityKind;
  key: string;
  name: string;
  /** A firm's USCC or registration number, a person's masked ID number; null for other kinds. */
  identifier: string | null;
}

export interface Hop {
  from: PartySummary;
  to: PartySummary;
  type: NetworkType;
  /** FORWARD: the relationship points from `from` to `to` in the graph (holder → firm); BACKWARD: against it. */
  direction: 'FORWARD' | 'BACKWARD';
  /** HOLDS_SHARES: the fraction held (null when the data has none). */
  ratio: number | null;
  /** OFFICER_OF and LEGAL_REPRESENTATIVE_OF: the office. */
  role: string | null;
  /** Other relationships between the same two entities. */
  alsoLinkedBy: NetworkType[];
}

export interface RelationPath {
  length: number;
  hops: Hop[];
}

export interface PairRelations {
  from: PartySummary;
  to: PartySummary;
  /** Shortest first: the first is the shortest path, the rest the alternatives. */
  paths: RelationPath[];
  /** Entities with too many relationships that were not passed through, with that number. */
  hubsSkipped: { entity: PartySummary; degree: number }[];
  exhaustive: boolean;
  limitsHit: string[];
}

export interface Connection {
  /** Parties joined to at least one other party within maxHops; the rest stand apart. */
  joined: PartySummary[];
  apart: PartySummary[];
  /** Entities of the network that are not parties: who or what connects them. */
  connectors: PartySummary[];
  /** The network as party-to-party paths. */
  paths: RelationPath[];
  hubsSkipped: { entity: PartySummary; degree: number }[];
  exhaustive: boolean;
  limitsHit: string[];
}

export interface Relations {
  parties: PartySummary[];
  pairs: PairRelations[];
  /** Three or more parties: the network joining them; null for two. */
  connection: Connection | null;
  exhaustive: boolean;
  limitsHit: string[];
}

/** Parses the parameters, naming every field that is wrong. */
export function parseRelationsParams(input: unknown): RelationsParams {
  const parsed = relationsParams.safeParse(input);
  if (!parsed.success) {
    throw new AnalysisError('BAD_PARAMS', parsed.error.issues.map((i) => `${i.path.join('.') || '(params)'}: ${i.message}`).join('; '));
  }
  return parsed.data;
}

async function identifiersOf(graph: GraphReader, nodes: Iterable<NetworkNode>): Promise<Map<string, string | null>> {
  const keys = [...nodes].filter((n) => n.ref.kind === 'COMPANY' || n.ref.kind === 'PERSON').map((n) => ({ kind: n.ref.kind, key: n.ref.key }));
  if (keys.length === 0) return new Map();
  const rows = await graph.read<{ kind: EntityKind; key: string; identifier: string | null }>('analyses/entityIdentifiers', { keys });
  return new Map(rows.map((r) => [nodeId(r), r.identifier]));
}

export async function relations(graph: GraphReader, params: RelationsParams): Promise<Relations> {
  const parties: Candidate[] = [];
  for (const c of await Promise.all(params.parties.map((p) => resolveEntity(graph, p)))) {
    const twice = parties.find((p) => p.kind === c.kind && p.key === c.key);
    if (twice) throw new AnalysisError('BAD_PARAMS', `parties: 同一${c.kind === 'PERSON' ? '人' : '企业'}给出了两次 / the same entity is given twice (${c.key} ${c.name})`);
    parties.push(c);
  }
  const types = typesOf(params.types);
  const asOf = dateParam(params.asOf);
  const deadline = Date.now() + params.timeoutMs;
  const options = { types, maxHops: params.maxHops, fanOut: params.fanOut, maxNodes: params.maxNodes, deadline, asOf, activeOnly: params.activeOnly };

  const pairs: [Candidate, Candidate][] = [];
  for (let i = 0; i < parties.length; i++) for (let j = i + 1; j < parties.length; j++) pairs.push([parties[i]!, parties[j]!]);
  const [searches, network] = await Promise.all([
    Promise.all(pairs.map(([a, b]) => searchPaths(graph, a, b, { ...options, want: params.k + 1 }))),
    parties.length >= 3 ? steinerNetwork(graph, parties, options) : null,
  ]);

  // One look-up for the identifiers of every firm and person met on any path.
  const seen = new Map<string, NetworkNode>();
  const keep = (nodes: ReadonlyMap<string, NetworkNode>, ids: Iterable<string>) => {
    for (const id of ids) seen.set(id, nodes.get(id)!);
  };
  for (const s of searches) {
    for (const p of s.paths) keep(s.nodes, p.nodes);
    keep(s.nodes, s.hubs.map((h) => h.node.id));
  }
  if (network) {
    keep(network.nodes, network.treeNodes);
    keep(network.nodes, network.hubs.map((h) => h.node.id));
  }
  const identifiers = await identifiersOf(graph, seen.values());
  const partyIdentifier = new Map(parties.map((p) => [nodeId(p), p.identifier]));
  const summary = (node: NetworkNode): PartySummary => ({ ...node.ref, identifier: identifiers.get(node.id) ?? partyIdentifier.get(node.id) ?? null });
  const partySummary = (c: Candidate): PartySummary => ({ kind: c.kind, key: c.key, name: c.name, identifier: c.identifier });

  const pathOf = (nodes: ReadonlyMap<string, NetworkNode>, p: FoundPath): RelationPath => ({
    length: p.links.length,
    hops: p.links.map((link, i) => {
      const edge = evidenceEdge(link, p.nodes[i]);
      return {
        from: summary(nodes.get(p.nodes[i]!)!),
        to: summary(nodes.get(p.nodes[i + 1]!)!),
        type: link.type,
        direction: link.source === p.nodes[i] ? 'FORWARD' : 'BACKWARD',
        ratio: link.type === 'HOLDS_SHARES' ? (edge.ratio ?? null) : null,
        role: edge.role ?? null,
        alsoLinkedBy: p.alsoLinkedBy[i] ?? [],
      };
    }),
  });

  const pairResults: PairRelations[] = searches.map((s, i) => {
    const limitsHit = sortedLimits(s.limitsHit);
    return {
      from: partySummary(pairs[i]![0]),
      to: partySummary(pairs[i]![1]),
      paths: s.paths.map((p) => pathOf(s.nodes, p)),
      hubsSkipped: s.hubs.map((h) => ({ entity: summary(h.node), degree: h.degree })),
      exhaustive: limitsHit.length === 0,
      limitsHit,
    };
  });

  let connection: Connection | null = null;
  if (network) {
    const partyIds = new Set(parties.map(nodeId));
    const limitsHit = sortedLimits(network.limitsHit);
    connection = {
      joined: network.joined.map((id) => summary(network.nodes.get(id)!)),
      apart: network.alone.map((id) => summary(network.nodes.get(id)!)),
      connectors: network.treeNodes.filter((id) => !partyIds.has(id)).map((id) => summary(network.nodes.get(id)!)),
      paths: network.paths.map((p) => pathOf(network.nodes, p)),
      hubsSkipped: network.hubs.map((h) => ({ entity: summary(h.node), degree: h.degree })),
      exhaustive: limitsHit.length === 0,
      limitsHit,
    };
  }

  const limitsHit = sortedLimits([...pairResults.flatMap((p) => p.limitsHit), ...(connection?.limitsHit ?? [])]);
  return { parties: parties.map(partySummary), pairs: pairResults, connection, exhaustive: limitsHit.length === 0, limitsHit };
}
