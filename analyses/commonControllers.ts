import { z } from 'zod';
import type { GraphReader } from '../cypher/run.ts';
import { dateParam } from '../cypher/values.ts';
import { AnalysisError, bySubject, edgeDates, envelopeOf, sortedLimits, type Candidate, type Chain, type EntityRef, type Envelope, type Finding } from './envelope.ts';
import { ownershipInto, reach } from './integratedOwnership.ts';
import { linkGroups, typesOf, typesParam } from './network.ts';
import { pathChain, subgraphOf } from './networkEvidence.ts';
import { upstreamOfAll, type GraphNode } from './ownershipGraph.ts';
import { OwnershipView } from './ownershipView.ts';
import { isoDate, limitParams, stringList } from './params.ts';
import { resolveFirm } from './resolve.ts';
import { officeTitle, TOP_ROLES, type Office } from './rules.ts';
import { steinerNetwork, type SteinerNetwork } from './steiner.ts';

/**
 * 共同控制人 / common controllers of a set of firms (one case's): the persons and firms above
 * them — holders, controllers, legal representatives and officers — that reach at least two of
 * them, ranked by how many they reach and how strongly; and the approximately smallest network
 * joining the firms through people, holdings, roles, shared contacts and branches (a Steiner
 * tree, steiner.ts). docs/analyses/common-controllers.md.
 */

export const commonControllersParams = z.object({
  /** The firms: keys or exact names, comma-separated on the command line. */
  firms: stringList.refine((f) => new Set(f).size >= 2 && f.length <= 50, '请给出 2 至 50 家企业 / give 2 to 50 firms'),
  /** A candidate must reach at least this many of the firms. */
  minFirms: z.coerce.number().int().min(2).max(50).default(2),
  /** Relationship types of the network joining the firms. */
  types: typesParam(linkGroups),
  /** Longest path between two firms that may join them in the network. */
  maxHops: z.coerce.number().int().min(1).max(10).default(6),
  asOf: isoDate.optional(),
  /** Most holding steps followed up from the firms. */
  maxDepth: limitParams.maxDepth,
  maxNodes: z.coerce.number().int().min(2).max(200_000).default(20_000),
  /** Most holders followed per firm going up; in the network, the hub cap. */
  fanOut: z.coerce.number().int().min(1).max(10_000).default(50),
  timeoutMs: limitParams.timeoutMs,
});
export type CommonControllersParams = z.output<typeof commonControllersParams>;

/** What one candidate has to do with one firm: control counts whole, else the larger of its stake and its office. */
const CONTROL_WEIGHT = 1;
const TOP_ROLE_WEIGHT = 0.5;
const OTHER_ROLE_WEIGHT = 0.25;

interface RoleRow extends Office {
  person: { kind: 'PERSON'; key: string; name: string; idMasked: string | null };
}

interface Link {
  firm: string;
  controls: boolean;
  ratio: number;
  ratioUnknown: boolean;
  roles: string[];
  weight: number;
  chains: Chain[];
  complete: boolean;
}

const roleWeight = (roles: string[]) => (roles.length === 0 ? 0 : roles.some((r) => TOP_ROLES.includes(r)) ? TOP_ROLE_WEIGHT : OTHER_ROLE_WEIGHT);

/**
 * A vehicle is listed right after the last of the candidates behind it, whatever its own figures:
 * `behind` maps a candidate's key to the keys of those that control it and reach all it reaches.
 */
function behindFirst(sorted: Finding[], behind: Map<string, string[]>): Finding[] {
  const out: Finding[] = [];
  const placed = new Set<string>();
  const waiting = sorted.filter((f) => (behind.get(f.subject.key) ?? []).length > 0);
  const take = (f: Finding) => {
    out.push(f);
    placed.add(f.subject.key);
    for (const v of [...waiting]) {
      if (behind.get(v.subject.key)!.every((k) => placed.has(k))) {
        waiting.splice(waiting.indexOf(v), 1);
        take(v);
      }
    }
  };
  for (const f of sorted) if ((behind.get(f.subject.key) ?? []).length === 0) take(f);
  return [...out, ...waiting];
}

function networkFinding(subject: EntityRef, firms: Candidate[], net: SteinerNetwork): Finding {
  const name = (id: string) => net.nodes.get(id)!.ref.name;
  const firmIds = new Set(firms.map((f) => `COMPANY:${f.key}`));
  const limitsHit = sortedLimits(net.limitsHit);
  return {
    subject,
    score: null,
    facts: {
      finding: 'network',
      firmsReached: net.joined.length,
      firms: net.joined.map(name),
      firmsNotReached: net.alone.map(name),
      strength: null,
      controls: [],
      roles: [],
      controlledBy: [],
      connectors: net.treeNodes.filter((id) => !firmIds.has(id)).map(name),
      networkEdges: net.links.length,
      hubsSkipped: net.hubs.map((h) => `${h.node.ref.name}（${h.degree} 条关系 / ${h.degree} relationships）`),
    },
    evidence: { chains: net.paths.map((p) => pathChain(net.nodes, p)), chainsComplete: true, subgraph: subgraphOf(net.nodes, net.treeNodes, net.links) },
    exhaustive: limitsHit.length === 0,
    limitsHit,
  };
}

export async function commonControllers(graph: GraphReader, params: CommonControllersParams): Promise<Envelope> {
  const ranAt = new Date().toISOString();
  const deadline = Date.now() + params.timeoutMs;
  const resolved = await Promise.all([...new Set(params.firms)].map((f) => resolveFirm(graph, f)));
  const firms = [...new Map(resolved.map((f) => [f.key, f])).values()];
  if (firms.length < 2) throw new AnalysisError('BAD_PARAMS', `这些名称只对应 ${firms.length} 家企业，至少需要 2 家 / the names given are ${firms.length} firm; give at least 2`);
  const asOf = dateParam(params.asOf);
  const starts: GraphNode[] = firms.map((f) => ({ kind: 'COMPANY', key: f.key, name: f.name, idMasked: null, status: f.note }));

  const [g, net, roleRows] = await Promise.all([
    upstreamOfAll(graph, starts, asOf, { maxDepth: params.maxDepth, maxNodes: params.maxNodes, fanOut: params.fanOut, timeoutMs: params.timeoutMs }),
    steinerNetwork(graph, firms, { types: typesOf(params.types), maxHops: params.maxHops, fanOut: params.fanOut, maxNodes: params.maxNodes, deadline, asOf }),
    Promise.all(firms.map((f) => graph.read<{ roles: RoleRow[] }>('analyses/firmPeople', { key: f.key, asOf }).then((rows) => rows[0]?.roles ?? []))),
  ]);
  const view = new OwnershipView(g);
  const upLimits = new Set(g.limitsHit);
  const holdersOf = new Map<string, string[]>();
  for (const e of g.edges) if (e.holder !== e.firm) holdersOf.set(e.firm, [...(holdersOf.get(e.firm) ?? []), e.holder]);

  // Every candidate's relation to every firm it reaches.
  const refs = new Map<string, EntityRef>();
  const links = new Map<string, Link[]>();
  firms.forEach((firm, i) => {
    const t = firm.key;
    const solution = ownershipInto(t, view.weighted);
    if (!solution.converged) upLimits.add('convergence');
    const controllers = view.controllersOf(t);
    const unknown = view.unknownRatioUp(t);
    const above = reach([t], (n) => holdersOf.get(n) ?? []);
    above.delete(t);
    const rolesBy = new Map<string, RoleRow[]>();
    for (const r of roleRows[i]!) {
      rolesBy.set(r.person.key, [...(rolesBy.get(r.person.key) ?? []), r]);
      refs.set(r.person.key, { kind: 'PERSON', key: r.person.key, name: r.person.name });
    }
    for (const c of new Set([...above, ...rolesBy.keys()])) {
      if (g.nodes.has(c)) refs.set(c, view.ref(c));
      const roles = [...new Set((rolesBy.get(c) ?? []).map(officeTitle))];
      const controls = controllers.has(c);
      const ratio = solution.values.get(c) ?? 0;
      const own = ratio > 0 || unknown.has(c) ? view.ownershipChains(c, t, 3) : { chains: [], complete: true };
      const ctl = controls ? view.controlChains(c, t, 3) : { chains: [], complete: true };
      const roleChains: Chain[] = (rolesBy.get(c) ?? []).map((r) => ({
        kind: 'role',
        path: [refs.get(c)!, { kind: 'COMPANY', key: t, name: firm.name }],
        edges: [{ type: r.type, role: officeTitle(r), ...edgeDates(r.validFrom, r.validTo) }],
        product: null,
      }));
      const link: Link = {
        firm: t,
        controls,
        ratio,
        ratioUnknown: unknown.has(c),
        roles,
        weight: controls ? CONTROL_WEIGHT : Math.max(ratio, roleWeight(roles)),
        chains: [...ctl.chains, ...own.chains, ...roleChains],
        complete: own.complete && ctl.complete,
      };
      links.set(c, [...(links.get(c) ?? []), link]);
    }
  });

  const firmName = new Map(firms.map((f) => [f.key, f.name]));
  const candidates = [...links.entries()].filter(([, ls]) => ls.length >= params.minFirms);
  const reachOf = new Map(candidates.map(([c, ls]) => [c, new Set(ls.map((l) => l.firm))]));
  // A firm that a candidate controls and that reaches no firm the candidate does not is its
  // vehicle: listed after the one behind it, who is the answer to "who is behind these firms".
  const behind = new Map<string, string[]>();
  for (const c of reachOf.keys()) {
    if (g.nodes.get(c)?.kind !== 'COMPANY') continue;
    const controllers = view.controllersOf(c);
    behind.set(c, [...reachOf.keys()].filter((o) => o !== c && controllers.has(o) && [...reachOf.get(c)!].every((f) => reachOf.get(o)!.has(f))));
  }
  const searchLimits = sortedLimits(upLimits);

  const findings: Finding[] = candidates.map(([c, ls]) => {
    // Rounded so that 0.1 + 0.2 reads 0.3 in a table.
    const strength = Math.round(ls.reduce((s, l) => s + l.weight, 0) * 1e9) / 1e9;
    const limitsHit = sortedLimits([...searchLimits, ...(ls.some((l) => l.ratioUnknown) ? ['unknownRatio'] : [])]);
    const reached = new Set(ls.map((l) => l.firm));
    return {
      subject: refs.get(c)!,
      score: reached.size + strength / (firms.length + 1),
      facts: {
        finding: 'candidate',
        firmsReached: reached.size,
        firms: firms.filter((f) => reached.has(f.key)).map((f) => f.name),
        firmsNotReached: firms.filter((f) => !reached.has(f.key)).map((f) => f.name),
        strength,
        controls: ls.filter((l) => l.controls).map((l) => firmName.get(l.firm)!),
        roles: ls.flatMap((l) => l.roles.map((r) => `${firmName.get(l.firm)}：${r}`)),
        controlledBy: (behind.get(c) ?? []).map((o) => refs.get(o)!.name),
        connectors: [],
        networkEdges: null,
        hubsSkipped: [],
      },
      evidence: { chains: ls.flatMap((l) => l.chains), chainsComplete: ls.every((l) => l.complete) },
      exhaustive: limitsHit.length === 0,
      limitsHit,
    };
  });
  findings.sort(
    (a, b) =>
      (b.facts.firmsReached as number) - (a.facts.firmsReached as number) ||
      (b.facts.strength as number) - (a.facts.strength as number) ||
      (a.facts.controlledBy as string[]).length - (b.facts.controlledBy as string[]).length ||
      bySubject(a, b),
  );
  const ranked = behindFirst(findings, behind);
  const network = networkFinding({ kind: 'COMPANY', key: firms[0]!.key, name: firms[0]!.name }, firms, net);
  // The walk up's caps stand even when no candidate is left to carry them.
  const limitsHit = sortedLimits([...searchLimits, ...ranked.flatMap((f) => f.limitsHit), ...network.limitsHit]);
  return envelopeOf('common-controllers', { ...params }, ranAt, null, limitsHit, [...ranked, network]);
}
