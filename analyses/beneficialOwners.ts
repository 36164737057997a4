import { z } from 'zod';
import type { GraphReader } from '../cypher/run.ts';
import { dateParam, int } from '../cypher/values.ts';
import { DisjointSets } from '../model/disjointSets.ts';
import { AnalysisError, bySubject, edgeDates, envelopeOf, sortedLimits, type Candidate, type Chain, type Envelope, type Finding } from './envelope.ts';
import { ownershipInto } from './integratedOwnership.ts';
import { upstream, type GraphNode } from './ownershipGraph.ts';
import { OwnershipView } from './ownershipView.ts';
import { entityText, isoDate, limitParams, rules, threshold } from './params.ts';
import { keyKind, resolveFirm } from './resolve.ts';
import { meetsThreshold, officeTitle, ruleSets, TOP_ROLES, type Office } from './rules.ts';

/**
 * 受益所有人 / beneficial owners of one firm: every natural person (and every top-level holder
 * that is not a person, such as a state body) above it, with the integrated ownership of the
 * firm, the ways they control it, and the rule each meets — threshold, control, or the
 * last-resort senior-manager rule when nobody meets the first two. docs/analyses/beneficial-owners.md.
 */

export const beneficialOwnersParams = z.object({
  /** The firm: key, USCC, registration number, or exact name. */
  firm: entityText,
  rules,
  threshold,
  /** Answer for this day (YYYY-MM-DD) from validFrom/validTo; absent: the current relationships. */
  asOf: isoDate.optional(),
  ...limitParams,
});
export type BeneficialOwnersParams = z.output<typeof beneficialOwnersParams>;

interface RoleRow extends Office {
  person: { kind: 'PERSON'; key: string; name: string; idMasked: string | null };
}

interface PeopleRow {
  firm: Candidate;
  roles: RoleRow[];
  filings: { ownerKey: string | null; ratio: number | null; interestType: string | null }[];
}

interface TieRow {
  from: string;
  to: string;
  basisText: string | null;
  validFrom: string | null;
  validTo: string | null;
}

/** Groups of persons linked by family ties; persons with no tie have no group. */
function familyGroups(ties: TieRow[]): Map<string, string> {
  const sets = new DisjointSets<string>();
  for (const t of ties) sets.union(t.from, t.to);
  return sets.groups();
}

/**
 * The firm's structure above it, its people and the family ties among them, asked for at once in
 * one round trip; null when no firm has this key.
 */
async function fetchAbove(graph: GraphReader, key: string, asOf: unknown, limits: BeneficialOwnersParams) {
  // The walk holds this object as its start node: the name is filled in when the firm's row comes.
  const start: GraphNode = { kind: 'COMPANY', key, name: key, idMasked: null, status: null };
  const [peopleRows, g, ties] = await Promise.all([
    graph.read<PeopleRow>('analyses/firmPeople', { key, asOf }),
    upstream(graph, start, asOf, limits),
    graph.read<TieRow>('analyses/familyTiesAbove', { key, asOf, reach: int(limits.maxNodes) }),
  ]);
  const people = peopleRows[0];
  if (!people) return null;
  Object.assign(start, { name: people.firm.name, status: people.firm.note });
  return { firm: people.firm, people, g, ties };
}

export async function beneficialOwners(graph: GraphReader, params: BeneficialOwnersParams): Promise<Envelope> {
  const ranAt = new Date().toISOString();
  const asOf = dateParam(params.asOf);
  // A key is tried at once; a name, or a code that is not the firm's key, is resolved first.
  const fetched =
    (keyKind(params.firm) === 'COMPANY' ? await fetchAbove(graph, params.firm.trim().toUpperCase(), asOf, params) : null) ??
    (await fetchAbove(graph, (await resolveFirm(graph, params.firm)).key, asOf, params));
  if (!fetched) throw new AnalysisError('NOT_FOUND', `未找到企业“${params.firm}” / no firm "${params.firm}"`);
  const { firm, people, g } = fetched;
  const target = firm.key;
  const view = new OwnershipView(g);
  const solution = ownershipInto(target, view.weighted);
  const searchLimits = new Set(g.limitsHit);
  if (!solution.converged) searchLimits.add('convergence');

  const rolesOf = new Map<string, RoleRow[]>();
  for (const r of people.roles) {
    if (!g.nodes.has(r.person.key)) g.nodes.set(r.person.key, { ...r.person, idMasked: r.person.idMasked ?? null, status: null });
    rolesOf.set(r.person.key, [...(rolesOf.get(r.person.key) ?? []), r]);
  }

  const closed = new Set(solution.closedCycles.flat());
  // A firm is a top-level holder when all its holders are known and there are none but itself
  // (or it sits in a cycle nobody outside holds): beyond it there is nobody to look through to.
  const topLevel = (k: string) => closed.has(k) || (g.complete.has(k) && g.edges.every((e) => e.firm !== k || e.holder === k));
  const subjects = [...g.nodes.values()].filter((n) => n.key !== target && (n.kind === 'PERSON' || topLevel(n.key)));

  const effective = (k: string) => solution.values.get(k) ?? 0;
  const controllers = view.controllersOf(target);
  const unknown = view.unknownRatioUp(target);

  const personKeys = new Set(subjects.filter((n) => n.kind === 'PERSON').map((n) => n.key));
  const ties = fetched.ties.filter((t) => personKeys.has(t.from) && personKeys.has(t.to));
  const group = familyGroups(ties);
  const groupRatio = new Map<string, number>();
  const groupHolders = new Map<string, number>();
  const groupHasOwner = new Set<string>();
  for (const k of personKeys) {
    const gk = group.get(k);
    if (gk === undefined || effective(k) <= 0) continue;
    groupRatio.set(gk, (groupRatio.get(gk) ?? 0) + effective(k));
    groupHolders.set(gk, (groupHolders.get(gk) ?? 0) + 1);
    if (meetsThreshold(effective(k), params.threshold, params.rules)) groupHasOwner.add(gk);
  }
  // Relatives who hold, two or more, control the firm jointly when together they reach the
  // threshold and none of them does alone: the family tie then explains what no single holding
  // does. (A small holding beside a relative who already qualifies is not named for the tie alone.)
  const jointlyControls = (k: string) => {
    const gk = group.get(k);
    return (
      gk !== undefined &&
      effective(k) > 0 &&
      (groupHolders.get(gk) ?? 0) > 1 &&
      !groupHasOwner.has(gk) &&
      meetsThreshold(groupRatio.get(gk)!, params.threshold, params.rules)
    );
  };

  interface Draft {
    node: GraphNode;
    rulesMet: string[];
    chains: Chain[];
    chainsComplete: boolean;
    control: boolean;
    controlBases: string[];
    roles: string[];
    family: boolean;
    fallbackTier: number | null;
  }

  const drafts: Draft[] = subjects.map((node) => {
    const k = node.key;
    const own = effective(k) > 0 || view.holdingsOut(k).length > 0 ? view.ownershipChains(k, target) : { chains: [], complete: true };
    const ctl = controllers.has(k) ? view.controlChains(k, target) : { chains: [], complete: true };
    const family = node.kind === 'PERSON' && jointlyControls(k);
    const familyChains: Chain[] = family
      ? ties
          .filter((t) => group.get(t.from) === group.get(k) && (t.from === k || t.to === k))
          .map((t) => ({
            kind: 'family',
            path: [view.ref(t.from), view.ref(t.to)],
            edges: [{ type: 'RELATED_TO', basis: 'family', ...(t.basisText ? { basisText: t.basisText } : {}), ...edgeDates(t.validFrom, t.validTo) }],
            product: null,
          }))
      : [];
    const roleRows = rolesOf.get(k) ?? [];
    const roleChains: Chain[] = roleRows.map((r) => ({
      kind: 'role',
      path: [view.ref(k), view.ref(target)],
      edges: [{ type: r.type, role: officeTitle(r), ...edgeDates(r.validFrom, r.validTo) }],
      product: null,
    }));
    const bases = new Set<string>();
    for (const c of ctl.chains) for (const e of c.edges) bases.add(e.type === 'HOLDS_SHARES' ? 'majority' : (e.basis ?? 'control'));
    if (family) bases.add('family');
    const control = controllers.has(k) || family;
    const rulesMet = [...(meetsThreshold(effective(k), params.threshold, params.rules) ? ['threshold'] : []), ...(control ? ['control'] : [])];
    return {
      node,
      rulesMet,
      chains: [...own.chains, ...ctl.chains, ...familyChains, ...roleChains],
      chainsComplete: own.complete && ctl.complete,
      control,
      controlBases: [...bases].sort(),
      roles: [...new Set(roleRows.map(officeTitle))],
      family,
      fallbackTier: null,
    };
  });

  // The last-resort rule: only when no natural person meets threshold or control.
  if (!drafts.some((d) => d.node.kind === 'PERSON' && d.rulesMet.length > 0)) {
    const tiers = ruleSets[params.rules].fallbackTiers;
    for (let t = 0; t < tiers.length; t++) {
      const named = drafts.filter((d) => d.node.kind === 'PERSON' && d.roles.some((r) => tiers[t]!.includes(r)));
      if (named.length === 0) continue;
      for (const d of named) {
        d.rulesMet.push('senior-manager');
        d.fallbackTier = t + 1;
      }
      break;
    }
  }

  const findings: Finding[] = drafts.map((d) => {
    const k = d.node.key;
    const limitsHit = sortedLimits([...searchLimits, ...(unknown.has(k) ? ['unknownRatio'] : [])]);
    const direct = g.edges.find((e) => e.type === 'HOLDS_SHARES' && e.holder === k && e.firm === target);
    const filed = people.filings.find((f) => f.ownerKey === k);
    const gk = group.get(k);
    const subgraph = effective(k) > 0 ? view.walkSubgraph(k, target, solution.cyclic) : undefined;
    return {
      subject: { kind: d.node.kind, key: k, name: d.node.name },
      score: effective(k),
      facts: {
        identifier: d.node.idMasked,
        effectiveRatio: effective(k),
        directRatio: direct?.ratio ?? null,
        rulesMet: d.rulesMet,
        beneficialOwner: d.node.kind === 'PERSON' && d.rulesMet.length > 0,
        control: d.control,
        controlBases: d.controlBases,
        topRoles: d.roles.filter((r) => TOP_ROLES.includes(r)),
        roles: d.roles,
        familyGroupRatio: gk !== undefined && (groupHolders.get(gk) ?? 0) > 1 ? groupRatio.get(gk)! : null,
        fallbackTier: d.fallbackTier,
        filedRatio: filed ? filed.ratio : null,
        ratioUnknownOnPath: unknown.has(k),
        closedCycle: closed.has(k),
      },
      evidence: { chains: d.chains, chainsComplete: d.chainsComplete, ...(subgraph ? { subgraph } : {}) },
      exhaustive: limitsHit.length === 0,
      limitsHit,
    };
  });

  findings.sort(
    (a, b) =>
      Number(b.facts.beneficialOwner) - Number(a.facts.beneficialOwner) ||
      Number((b.facts.rulesMet as string[]).length > 0) - Number((a.facts.rulesMet as string[]).length > 0) ||
      (b.score ?? 0) - (a.score ?? 0) ||
      bySubject(a, b),
  );
  const limitsHit = sortedLimits([...searchLimits, ...findings.flatMap((f) => f.limitsHit)]);
  return envelopeOf('beneficial-owners', { ...params }, ranAt, { kind: 'COMPANY', key: firm.key, name: firm.name }, limitsHit, findings);
}
