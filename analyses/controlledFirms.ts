import { z } from 'zod';
import type { GraphReader } from '../cypher/run.ts';
import { dateParam } from '../cypher/values.ts';
import { AnalysisError, bySubject, edgeDates, envelopeOf, sortedLimits, type Chain, type Envelope, type Finding } from './envelope.ts';
import { ownershipFrom } from './integratedOwnership.ts';
import { downstream, type GraphNode } from './ownershipGraph.ts';
import { OwnershipView } from './ownershipView.ts';
import { entityText, isoDate, limitParams, rules, threshold } from './params.ts';
import { resolveFirm, resolvePerson } from './resolve.ts';
import { meetsThreshold, officeTitle, type Office } from './rules.ts';

/**
 * 控制企业 / controlled firms: the reverse of beneficial owners. From a person or a firm, every
 * firm it controls (majority chains, non-equity control) or holds at least the threshold of by
 * integrated ownership, with the same evidence. docs/analyses/controlled-firms.md.
 */

export const controlledFirmsParams = z
  .object({
    /** The person: key or exact name. */
    person: entityText.optional(),
    /** Or the firm: key, USCC, registration number, or exact name. */
    firm: entityText.optional(),
    rules,
    threshold,
    asOf: isoDate.optional(),
    ...limitParams,
  })
  .refine((p) => (p.person === undefined) !== (p.firm === undefined), {
    message: '请指定 person 或 firm 之一 / give exactly one of person and firm',
    path: ['person'],
  });
export type ControlledFirmsParams = z.output<typeof controlledFirmsParams>;

interface RoleRow extends Office {
  firm: string;
}

export async function controlledFirms(graph: GraphReader, params: ControlledFirmsParams): Promise<Envelope> {
  const ranAt = new Date().toISOString();
  const who = params.person !== undefined ? await resolvePerson(graph, params.person) : params.firm !== undefined ? await resolveFirm(graph, params.firm) : null;
  if (!who) throw new AnalysisError('BAD_PARAMS', '请指定 person 或 firm 之一 / give exactly one of person and firm');
  const asOf = dateParam(params.asOf);
  const source = who.key;
  const start: GraphNode =
    who.kind === 'PERSON'
      ? { kind: 'PERSON', key: who.key, name: who.name, idMasked: who.identifier, status: null }
      : { kind: 'COMPANY', key: who.key, name: who.name, idMasked: null, status: who.note };

  const g = await downstream(graph, start, asOf, params);
  const view = new OwnershipView(g);
  const solution = ownershipFrom(source, view.weighted);
  const searchLimits = new Set(g.limitsHit);
  if (!solution.converged) searchLimits.add('convergence');

  const effective = (k: string) => solution.values.get(k) ?? 0;
  const controlled = view.controlledBy(source);
  const unknown = view.unknownRatioDown(source);
  // A firm held through a holding of unknown ratio may be held above the threshold: it is listed,
  // marked, rather than left out as if it were not.
  const firms = [...g.nodes.values()].filter(
    (n) => n.kind === 'COMPANY' && n.key !== source && (controlled.has(n.key) || unknown.has(n.key) || meetsThreshold(effective(n.key), params.threshold, params.rules)),
  );

  const roleRows =
    who.kind === 'PERSON' && firms.length > 0 ? await graph.read<RoleRow>('analyses/personRoles', { person: source, keys: firms.map((f) => f.key), asOf }) : [];

  const findings: Finding[] = firms.map((node) => {
    const k = node.key;
    const own = view.ownershipChains(source, k);
    const ctl = controlled.has(k) ? view.controlChains(source, k) : { chains: [], complete: true };
    const roles = roleRows.filter((r) => r.firm === k);
    const roleChains: Chain[] = roles.map((r) => ({
      kind: 'role',
      path: [view.ref(source), view.ref(k)],
      edges: [{ type: r.type, role: officeTitle(r), ...edgeDates(r.validFrom, r.validTo) }],
      product: null,
    }));
    const bases = new Set<string>();
    for (const c of ctl.chains) for (const e of c.edges) bases.add(e.type === 'HOLDS_SHARES' ? 'majority' : (e.basis ?? 'control'));
    const rulesMet = [...(meetsThreshold(effective(k), params.threshold, params.rules) ? ['threshold'] : []), ...(controlled.has(k) ? ['control'] : [])];
    const limitsHit = sortedLimits([...searchLimits, ...(unknown.has(k) ? ['unknownRatio'] : [])]);
    const direct = g.edges.find((e) => e.type === 'HOLDS_SHARES' && e.holder === source && e.firm === k);
    const subgraph = effective(k) > 0 ? view.walkSubgraph(source, k, solution.cyclic) : undefined;
    return {
      subject: { kind: 'COMPANY', key: k, name: node.name },
      score: effective(k),
      facts: {
        status: node.status,
        effectiveRatio: effective(k),
        directRatio: direct?.ratio ?? null,
        rulesMet,
        control: controlled.has(k),
        controlBases: [...bases].sort(),
        roles: [...new Set(roleChains.map((c) => c.edges[0]!.role!))],
        ratioUnknownOnPath: unknown.has(k),
      },
      evidence: { chains: [...own.chains, ...ctl.chains, ...roleChains], chainsComplete: own.complete && ctl.complete, ...(subgraph ? { subgraph } : {}) },
      exhaustive: limitsHit.length === 0,
      limitsHit,
    };
  });

  findings.sort(
    (a, b) =>
      Number((b.facts.rulesMet as string[]).length > 0) - Number((a.facts.rulesMet as string[]).length > 0) ||
      (b.score ?? 0) - (a.score ?? 0) ||
      bySubject(a, b),
  );
  const limitsHit = sortedLimits([...searchLimits, ...findings.flatMap((f) => f.limitsHit)]);
  return envelopeOf('controlled-firms', { ...params }, ranAt, { kind: who.kind, key: who.key, name: who.name }, limitsHit, findings);
}
