import { z } from 'zod';
import type { GraphReader } from '../cypher/run.ts';
import { dateParam, int } from '../cypher/values.ts';
import { isWithin } from '../model/divisions.ts';
import { percentText } from '../model/values.ts';
import { booleanParam } from './booleanParam.ts';
import { AnalysisError, bySubject, edgeDates, envelopeOf, sortedLimits, type Chain, type EntityRef, type Envelope, type Finding, type Subgraph } from './envelope.ts';
import { ownershipInto, reach, type WeightedEdge } from './integratedOwnership.ts';
import { selectListTypes, withListTypes } from './listTypes.ts';
import { upstreamOfAll, type GraphEdge, type GraphNode } from './ownershipGraph.ts';
import { OwnershipView } from './ownershipView.ts';
import { isoDate, jurisdiction, limitParams, rules, stringList, threshold } from './params.ts';
import { confirmedGroups, type SameAsLink } from './personGroups.ts';
import { regionPrefix } from './regionScope.ts';
import { meetsThreshold, officeTitle, type Office } from './rules.ts';

/**
 * 涉案企业背后的控制人 / controllers behind several flagged firms (DOMAIN.md §5.2): people who
 * control, hold at least the threshold of, legally represent or manage at least `minFirms` firms
 * on the chosen lists, ranked by that count, then the amount and the victims of the cases, each
 * with the chains that link them to each firm and each firm to its listings.
 * docs/analyses/flagged-controllers.md.
 *
 * The screen starts from the small set — the list entries of the chosen types and their firms —
 * and walks up from all of them at once, one query per hop; the ownership above each firm is then
 * solved in memory on that firm's own ancestors. Nothing scans the firms.
 */

export const flaggedControllersParams = z.object({
  threshold,
  rules,
  /** Fewest flagged firms a person must be behind to be reported. */
  minFirms: z.coerce.number().int().min(1).max(10_000).default(3),
  /**
   * The list types that count as a flag, by code, name or any spelling of the vocabulary
   * (analyses/listTypes.ts); absent: every flagging type, so disclosure lists (P2P平台借款人) and
   * context lists (失信被执行人) are left out.
   */
  listTypes: stringList.refine((l) => l.length > 0, '至少一个名单类型 / at least one list type').optional(),
  /** Answer for this day (YYYY-MM-DD); absent: the current relationships and listings. */
  asOf: isoDate.optional(),
  /**
   * Only flagged firms registered in `jurisdiction` or a division below it (GB/T 2260, matched as
   * keyword-screen matches); false (the default): every flagged firm, wherever registered — a case
   * filed here against a firm registered elsewhere counts.
   */
  inJurisdiction: booleanParam.default(false),
  /** The division `inJurisdiction` limits to; filled in from the configured one (analyses/index.ts). */
  jurisdiction: jurisdiction.optional(),
  /** Most flagged firms screened, largest amounts first. */
  maxFirms: z.coerce.number().int().min(1).max(1_000_000).default(100_000),
  maxDepth: limitParams.maxDepth,
  /** Most entities in the walk up from all flagged firms together (the flagged firms included). */
  maxNodes: z.coerce.number().int().min(2).max(2_000_000).default(200_000),
  fanOut: limitParams.fanOut,
  timeoutMs: limitParams.timeoutMs,
});
export type FlaggedControllersParams = z.output<typeof flaggedControllersParams>;

interface Listing {
  entry: string;
  listType: string;
  caseNo: string | null;
  filedOn: string | null;
  amountWan: number | null;
  currency: string | null;
  victims: number | null;
  source: string | null;
}

interface FlaggedRow {
  firm: GraphNode;
  /** Company.regionCode: where the firm is registered. */
  regionCode: string | null;
  listings: Listing[];
}

interface RoleRow extends Office {
  person: GraphNode;
}

interface FirmPeopleRow {
  key: string;
  degree: number;
  roles: RoleRow[];
}

/** How one person is behind one flagged firm. */
interface Link {
  control: boolean;
  ratio: number;
  roles: RoleRow[];
  /** A holding of unknown ratio lies between them: the ratio is a lower bound. */
  unknownRatio: boolean;
}

const CNY = (currency: string | null) => currency === null || currency === 'CNY';

/** Every entity whose holdings reach `firm`, with the (adjusted) holdings among them: all that its integrated ownership depends on. */
function ownershipAbove(firm: string, holdingsInto: Map<string, WeightedEdge[]>): WeightedEdge[] {
  const above = reach([firm], (n) => (holdingsInto.get(n) ?? []).map((e) => e.holder));
  return [...above].flatMap((n) => holdingsInto.get(n) ?? []);
}

export async function flaggedControllers(graph: GraphReader, params: FlaggedControllersParams): Promise<Envelope> {
  const ranAt = new Date().toISOString();
  const asOf = dateParam(params.asOf);
  const selection = await selectListTypes(graph, params.listTypes, 'flagging');
  const envelope = (findings: Finding[], limits: Set<string>): Envelope =>
    withListTypes(envelopeOf('flagged-controllers', { ...params }, ranAt, null, [...limits, ...findings.flatMap((f) => f.limitsHit)], findings), selection);

  const searchLimits = new Set<string>();
  if (params.inJurisdiction && params.jurisdiction === undefined) {
    throw new AnalysisError('BAD_PARAMS', 'jurisdiction: 仅本辖区时须给出辖区 / inJurisdiction needs a jurisdiction');
  }
  const within = params.inJurisdiction ? params.jurisdiction : undefined;
  let rows = await graph.read<FlaggedRow>('analyses/flaggedFirms', {
    listTypes: selection.values,
    regionPrefix: within === undefined ? null : regionPrefix(within),
    asOf,
    limit: int(params.maxFirms + 1),
  });
  if (rows.length > params.maxFirms) {
    searchLimits.add('firms');
    rows = rows.slice(0, params.maxFirms);
  }
  // As keyword-screen: the query keeps the division's prefix, each firm's code is then checked against the division itself.
  if (within !== undefined) rows = rows.filter((r) => r.regionCode !== null && isWithin(r.regionCode, within));
  if (rows.length === 0) return envelope([], searchLimits);
  const flagged = new Map(rows.map((r) => [r.firm.key, r]));
  const keys = [...flagged.keys()];

  const [g, people] = await Promise.all([
    upstreamOfAll(graph, rows.map((r) => r.firm), asOf, params),
    graph.read<FirmPeopleRow>('analyses/flaggedFirmPeople', { keys, asOf, fanOut: int(params.fanOut) }),
  ]);
  for (const l of g.limitsHit) searchLimits.add(l);
  const view = new OwnershipView(g);
  const holdingsInto = new Map<string, WeightedEdge[]>();
  for (const e of view.weighted) (holdingsInto.get(e.firm) ?? holdingsInto.set(e.firm, []).get(e.firm)!).push(e);
  const unknownRatioHoldings = g.edges.filter((e) => e.type === 'HOLDS_SHARES' && e.ratio === null && e.holder !== e.firm);
  const isPerson = (k: string) => g.nodes.get(k)?.kind === 'PERSON';

  // person → flagged firm → how.
  const links = new Map<string, Map<string, Link>>();
  const linkOf = (person: string, firm: string): Link => {
    const byFirm = links.get(person) ?? links.set(person, new Map()).get(person)!;
    return byFirm.get(firm) ?? byFirm.set(firm, { control: false, ratio: 0, roles: [], unknownRatio: false }).get(firm)!;
  };
  const cyclicAt = new Map<string, Set<string>>();
  for (const firm of keys) {
    for (const k of view.controllersOf(firm)) if (isPerson(k)) linkOf(k, firm).control = true;
    const solution = ownershipInto(firm, ownershipAbove(firm, holdingsInto));
    if (!solution.converged) searchLimits.add('convergence');
    if (solution.cyclic.size > 0) cyclicAt.set(firm, solution.cyclic);
    for (const [k, v] of solution.values) if (k !== firm && v > 0 && isPerson(k)) linkOf(k, firm).ratio = v;
    if (unknownRatioHoldings.length > 0) {
      const above = reach([firm], (n) => view.holdingsIn(n).map((e) => e.holder));
      const tails = unknownRatioHoldings.filter((e) => above.has(e.firm)).map((e) => e.holder);
      for (const k of reach(tails, (n) => view.holdingsIn(n).map((e) => e.holder))) if (isPerson(k)) linkOf(k, firm).unknownRatio = true;
    }
  }
  for (const row of people) {
    if (row.degree > row.roles.length) searchLimits.add(`fanOut:${row.key}`);
    for (const r of row.roles) {
      if (!g.nodes.has(r.person.key)) g.nodes.set(r.person.key, { ...r.person, idMasked: r.person.idMasked ?? null, status: null });
      linkOf(r.person.key, row.key).roles.push(r);
    }
  }

  const sameAs = links.size > 0 ? await graph.read<SameAsLink>('analyses/samePersonLinks', { keys: [...links.keys()] }) : [];
  for (const l of sameAs) for (const p of [l.from, l.to]) if (!g.nodes.has(p.key)) g.nodes.set(p.key, { ...p, idMasked: p.idMasked ?? null, status: null });
  const groupOf = confirmedGroups(links.keys(), sameAs);
  const groups = new Map<string, string[]>();
  for (const [k, gk] of groupOf) (groups.get(gk) ?? groups.set(gk, []).get(gk)!).push(k);

  // Confirmed records of one person hold as one: their holdings of a firm add up before the
  // majority test (26% + 26% is control), so control is looked at again with each group as one holder.
  const groupView = [...groups.values()].some((m) => m.length > 1) ? new OwnershipView({ ...g, edges: asOneHolder(g.edges, groupOf) }) : null;
  const jointControl = new Map<string, Set<string>>();
  if (groupView) {
    for (const firm of keys) {
      for (const k of groupView.controllersOf(firm)) if ((groups.get(k)?.length ?? 0) > 1) (jointControl.get(k) ?? jointControl.set(k, new Set()).get(k)!).add(firm);
    }
  }

  /** The flagged firms a group is behind, and how: roles and control by any member, or the members' holdings summed. */
  const firmsOf = (members: string[]) => {
    const out = new Map<string, { ratio: number; control: boolean; roles: RoleRow[]; threshold: boolean; unknownRatio: boolean }>();
    for (const m of members) {
      for (const [firm, l] of links.get(m) ?? []) {
        const o = out.get(firm) ?? out.set(firm, { ratio: 0, control: false, roles: [], threshold: false, unknownRatio: false }).get(firm)!;
        o.ratio += l.ratio;
        o.control ||= l.control;
        o.roles.push(...l.roles);
        o.unknownRatio ||= l.unknownRatio;
      }
    }
    for (const firm of jointControl.get(groupOf.get(members[0]!)!) ?? []) {
      (out.get(firm) ?? out.set(firm, { ratio: 0, control: false, roles: [], threshold: false, unknownRatio: false }).get(firm)!).control = true;
    }
    for (const o of out.values()) o.threshold = meetsThreshold(o.ratio, params.threshold, params.rules);
    return new Map([...out].filter(([, o]) => o.control || o.threshold || o.roles.length > 0 || o.unknownRatio));
  };
  const counted = (firms: ReturnType<typeof firmsOf>) => new Set([...firms].filter(([, o]) => o.control || o.threshold || o.roles.length > 0).map(([k]) => k));

  const ref = (k: string): EntityRef => view.ref(k);
  const entryRef = (l: Listing): EntityRef => ({ kind: 'LIST_ENTRY', key: l.entry, name: [l.listType, l.caseNo].filter(Boolean).join(' ') });
  const sameAsChain = (l: SameAsLink): Chain => ({
    kind: 'sameAs',
    path: [ref(l.from.key), ref(l.to.key)],
    edges: [
      {
        type: 'POSSIBLY_SAME_AS',
        details: { status: l.status, reasons: l.reasons ?? [], ...(l.decidedBy ? { decidedBy: l.decidedBy } : {}), ...(l.decidedOn ? { decidedOn: l.decidedOn } : {}) },
      },
    ],
    product: null,
  });

  const listingChain = (from: string, l: Listing): Chain => ({
    kind: 'listing',
    path: [ref(from), entryRef(l)],
    edges: [
      {
        type: 'FLAGGED',
        details: { listType: l.listType, caseNo: l.caseNo, amountWan: l.amountWan, currency: l.currency ?? (l.amountWan === null ? null : 'CNY'), victims: l.victims, filedOn: l.filedOn, source: l.source },
      },
    ],
    product: null,
  });

  const qualifying = [...groups.values()]
    .map((members) => {
      const firms = firmsOf(members);
      return { members, firms, firmKeys: counted(firms) };
    })
    .filter((q) => q.firmKeys.size >= params.minFirms);
  const personListings = new Map<string, Listing[]>();
  const qualifyingPersons = qualifying.flatMap((q) => q.members);
  if (qualifyingPersons.length > 0) {
    for (const row of await graph.read<{ person: string; listing: Listing }>('analyses/personFlags', { keys: qualifyingPersons, asOf })) {
      (personListings.get(row.person) ?? personListings.set(row.person, []).get(row.person)!).push(row.listing);
    }
  }

  const findings: Finding[] = [];
  for (const { members, firms, firmKeys } of qualifying) {
    const memberSet = new Set(members);
    const subject = [...members].sort((a, b) => counted(firmsOf([b])).size - counted(firmsOf([a])).size || a.localeCompare(b))[0]!;

    // Unconfirmed candidates outside the group who are behind flagged firms it is not counted for.
    const hints = sameAs.filter((l) => l.status === 'proposed' && memberSet.has(l.from.key) !== memberSet.has(l.to.key));
    const hintFirms = new Set<string>();
    const hintChains: Chain[] = [];
    const hintNames: string[] = [];
    for (const l of hints) {
      const other = memberSet.has(l.from.key) ? l.to.key : l.from.key;
      const otherGroup = groupOf.get(other);
      const extra = otherGroup === undefined ? [] : [...counted(firmsOf(groups.get(otherGroup)!))].filter((f) => !firmKeys.has(f));
      if (extra.length === 0) continue;
      for (const f of extra) hintFirms.add(f);
      hintChains.push(sameAsChain(l));
      hintNames.push(`${g.nodes.get(other)!.name} ${other}（另 ${extra.length} 家 / ${extra.length} more）`);
    }

    const chains: Chain[] = sameAs.filter((l) => l.status === 'confirmed' && memberSet.has(l.from.key) && memberSet.has(l.to.key)).map(sameAsChain);
    let chainsComplete = true;
    const subgraph: Subgraph = { nodes: [], edges: [] };
    const how: string[] = [];
    const ways = new Set<string>();
    const cases = new Map<string, Listing[]>();
    const listTypes = new Set<string>();
    // A holding of unknown ratio above any of the group's firms: its figures there are lower bounds.
    const unknownRatio = [...firms.values()].some((o) => o.unknownRatio);
    const ordered = [...firmKeys].sort((a, b) => g.nodes.get(a)!.name.localeCompare(g.nodes.get(b)!.name, 'zh') || a.localeCompare(b));
    for (const firm of ordered) {
      const o = firms.get(firm)!;
      const parts: string[] = [];
      for (const m of members) {
        const l = links.get(m)?.get(firm);
        if (!l) continue;
        if (l.control) {
          const c = view.controlChains(m, firm, 3);
          chains.push(...c.chains);
          chainsComplete &&= c.complete;
        }
        if (o.threshold && l.ratio > 0) {
          const c = view.ownershipChains(m, firm, 5);
          chains.push(...c.chains);
          chainsComplete &&= c.complete;
          const cyclic = cyclicAt.get(firm);
          const walks = cyclic ? view.walkSubgraph(m, firm, cyclic) : undefined;
          if (walks) {
            subgraph.nodes.push(...walks.nodes);
            subgraph.edges.push(...walks.edges);
          }
        }
        for (const r of l.roles) {
          chains.push({ kind: 'role', path: [ref(m), ref(firm)], edges: [{ type: r.type, role: officeTitle(r), ...edgeDates(r.validFrom, r.validTo) }], product: null });
        }
      }
      if (o.control && groupView && !members.some((m) => links.get(m)?.get(firm)?.control)) {
        const c = groupView.controlChains(groupOf.get(members[0]!)!, firm, 3);
        chains.push(...c.chains);
        chainsComplete &&= c.complete;
      }
      if (o.control) {
        const bases = new Set(chains.filter((c) => c.kind === 'control' && c.path.at(-1)!.key === firm).flatMap((c) => c.edges.map((e) => (e.type === 'HOLDS_SHARES' ? 'majority' : (e.basis ?? 'control')))));
        parts.push(`控制 control（${[...bases].sort().join(', ') || 'control'}）`);
        ways.add('control');
      }
      if (o.threshold) {
        parts.push(`持股 holds ${percentText(o.ratio)}`);
        ways.add('threshold');
      }
      const roles = [...new Set(o.roles.map(officeTitle))];
      if (roles.length > 0) parts.push(roles.join('、'));
      if (o.roles.some((r) => r.type === 'LEGAL_REPRESENTATIVE_OF')) ways.add('legal-representative');
      if (o.roles.some((r) => r.type === 'OFFICER_OF')) ways.add('officer');
      how.push(`${g.nodes.get(firm)!.name}：${parts.join('；')}`);
      for (const l of flagged.get(firm)!.listings) {
        listTypes.add(selection.nameOf(l.listType));
        (cases.get(l.entry) ?? cases.set(l.entry, []).get(l.entry)!).push(l);
        chains.push(listingChain(firm, l));
      }
    }
    // The persons' own listings: context for the reader, not flagged firms, so not counted.
    const ownListings = members.flatMap((m) => (personListings.get(m) ?? []).map((l) => ({ m, l })));
    for (const { m, l } of ownListings) chains.push(listingChain(m, l));
    // A case that names several of the group's firms states its amount and victims on each row:
    // counted once per case (the largest figure given), not once per firm.
    let totalAmountWan = 0;
    let victims = 0;
    const otherAmounts = new Map<string, number>();
    for (const listings of cases.values()) {
      const cny = listings.filter((l) => l.amountWan !== null && CNY(l.currency)).map((l) => l.amountWan!);
      if (cny.length > 0) totalAmountWan += Math.max(...cny);
      for (const l of listings.filter((x) => x.amountWan !== null && !CNY(x.currency))) otherAmounts.set(l.currency!, Math.max(otherAmounts.get(l.currency!) ?? 0, l.amountWan!));
      const v = listings.filter((l) => l.victims !== null).map((l) => l.victims!);
      if (v.length > 0) victims += Math.max(...v);
    }

    const limitsHit = sortedLimits([...searchLimits, ...(unknownRatio ? ['unknownRatio'] : [])]);
    const node = g.nodes.get(subject)!;
    const dedupedSubgraph: Subgraph | undefined =
      subgraph.edges.length > 0
        ? {
            nodes: [...new Map(subgraph.nodes.map((n) => [n.key, n])).values()],
            edges: [...new Map(subgraph.edges.map((e) => [`${e.source}>${e.target}>${e.type}`, e])).values()],
          }
        : undefined;
    findings.push({
      subject: { kind: 'PERSON', key: subject, name: node.name },
      score: firmKeys.size,
      facts: {
        identifier: node.idMasked,
        flaggedFirms: firmKeys.size,
        firms: ordered.map((k) => g.nodes.get(k)!.name),
        firmKeys: ordered,
        how,
        ways: [...ways].sort(),
        listTypes: [...listTypes].sort(),
        cases: cases.size,
        totalAmountWan: Math.round(totalAmountWan * 1e4) / 1e4,
        otherAmounts: [...otherAmounts].sort().map(([c, v]) => `${v}万 ${c}`),
        victims,
        sameRecords: members.filter((m) => m !== subject).sort().map((m) => `${g.nodes.get(m)!.name} ${m}`),
        sameAsHints: hintNames,
        hintFlaggedFirms: hintFirms.size,
        personListings: ownListings.map(({ l }) => [l.listType, l.caseNo].filter(Boolean).join(' ')),
      },
      evidence: { chains: [...chains, ...hintChains], chainsComplete, ...(dedupedSubgraph ? { subgraph: dedupedSubgraph } : {}) },
      exhaustive: limitsHit.length === 0,
      limitsHit,
    });
  }

  findings.sort(
    (a, b) =>
      (b.score ?? 0) - (a.score ?? 0) ||
      (b.facts.totalAmountWan as number) - (a.facts.totalAmountWan as number) ||
      (b.facts.victims as number) - (a.facts.victims as number) ||
      bySubject(a, b),
  );
  // Persons behind fewer firms through a holding of unknown ratio may be behind more: the screen is then not exhaustive.
  if ([...links.values()].some((m) => [...m.values()].some((l) => l.unknownRatio))) searchLimits.add('unknownRatio');
  return envelope(findings, searchLimits);
}

/** The structure with each group of confirmed records as one holder, its holdings of a firm summed. */
function asOneHolder(edges: GraphEdge[], groupOf: Map<string, string>): GraphEdge[] {
  const holdings = new Map<string, GraphEdge>();
  const out: GraphEdge[] = [];
  for (const e of edges) {
    const holder = groupOf.get(e.holder) ?? e.holder;
    const summed = e.type === 'HOLDS_SHARES' ? holdings.get(`${holder}>${e.firm}`) : undefined;
    if (summed) summed.ratio = summed.ratio === null || e.ratio === null ? null : summed.ratio + e.ratio;
    else {
      const copy = { ...e, holder };
      if (e.type === 'HOLDS_SHARES') holdings.set(`${holder}>${e.firm}`, copy);
      out.push(copy);
    }
  }
  return out;
}
