import { z } from 'zod';
import type { GraphReader } from '../cypher/run.ts';
import { dateParam } from '../cypher/values.ts';
import { beneficialOwners } from './beneficialOwners.ts';
import { controlledFirms } from './controlledFirms.ts';
import { edgeDates, envelopeOf, sortedLimits, toEntityRef, type Chain, type EntityRef, type Envelope, type Finding, type NodeRow } from './envelope.ts';
import { entityText, isoDate, jurisdiction, limitParams, rules, stringList, threshold } from './params.ts';
import { selectListTypes, withListTypes } from './listTypes.ts';
import { regionPrefix } from './regionScope.ts';
import { resolveFirm } from './resolve.ts';
import { LEGAL_REPRESENTATIVE, type Office } from './rules.ts';

/**
 * P2P 自融 / self-financing: a lending platform whose controllers also control the borrowers it
 * disclosed — the platform lends its investors' money to its own people. The controllers of the
 * platform are found as beneficial-owners finds them, the firms they control as controlled-firms
 * does; being legal representative counts as control on both sides here, because a platform's
 * representative who is also a borrower's representative moves money between the two whoever
 * holds the shares. docs/analyses/self-financing.md.
 */

/** DOMAIN.md §5.4 names and scopes of lending platforms; shown as a fact, not required. */
export const DEFAULT_PLATFORM_KEYWORDS = ['金融信息服务', '网贷', '网络借贷', 'P2P', '互联网金融', '借贷'];

export const selfFinancingParams = z.object({
  /** One platform: key, USCC or exact name; absent: every platform with a disclosure in the jurisdiction. */
  platform: entityText.optional(),
  /** List types that disclose a platform's borrowers, by code, name or spelling; absent: the vocabulary's disclosure types (P2P平台借款人). */
  borrowerListTypes: stringList.refine((l) => l.length > 0, '至少一个名单类型 / at least one list type').optional(),
  platformKeywords: stringList.default(DEFAULT_PLATFORM_KEYWORDS),
  rules,
  threshold,
  asOf: isoDate.optional(),
  jurisdiction,
  ...limitParams,
});
export type SelfFinancingParams = z.output<typeof selfFinancingParams>;

interface BorrowerRow {
  borrower: NodeRow & { key: string; name: string };
  amountWan: number | null;
  filedOn: string | null;
  caseNo: string | null;
}

interface PlatformRow {
  platform: (NodeRow & { key: string; name: string; status: string | null; industry: string | null; businessScope: string | null }) | null;
  list: NodeRow & { key: string; caseNo: string | null; listType: string };
  borrowers: BorrowerRow[];
}

interface RoleRow extends Office {
  firm: string;
}

interface Controller {
  ref: EntityRef;
  grounds: string[];
  chains: Chain[];
  /** False when more chains exist than the evidence lists. */
  complete: boolean;
}

interface SelfBorrower {
  borrower: BorrowerRow;
  list: EntityRef;
  controller: Controller;
  grounds: string[];
  chains: Chain[];
  complete: boolean;
}

/** Who controls the platform: the threshold, control (majority chains, agreements, family), or legal representation. */
function controllersOf(env: Envelope): Controller[] {
  return env.findings.flatMap((f) => {
    const grounds = [
      ...(f.facts.rulesMet as string[]).filter((r) => r === 'threshold' || r === 'control'),
      ...(((f.facts.roles as string[] | undefined) ?? []).includes(LEGAL_REPRESENTATIVE) ? ['legal-representative'] : []),
    ];
    return grounds.length > 0 ? [{ ref: f.subject, grounds, chains: f.evidence.chains, complete: f.evidence.chainsComplete }] : [];
  });
}

/** The parameters of the searches it delegates to beneficial-owners and controlled-firms. */
function searchParams(params: SelfFinancingParams) {
  const { platform: _p, borrowerListTypes: _l, platformKeywords: _k, jurisdiction: _j, ...common } = params;
  return common;
}

const listingChain = (b: BorrowerRow, list: EntityRef): Chain => ({
  kind: 'listing',
  path: [toEntityRef(b.borrower), list],
  edges: [{ type: 'FLAGGED', details: { amountWan: b.amountWan, filedOn: b.filedOn, caseNo: b.caseNo } }],
  product: null,
});

/** The borrowers a controller controls (or represents, or is), with the chains that show it. */
async function borrowersControlledBy(graph: GraphReader, c: Controller, rows: { borrower: BorrowerRow; list: EntityRef }[], params: SelfFinancingParams): Promise<{ found: SelfBorrower[]; limitsHit: string[] }> {
  const firmKeys = rows.filter((r) => r.borrower.borrower.labels.includes('Company')).map((r) => r.borrower.borrower.key);
  const common = searchParams(params);
  const [down, roles] = await Promise.all([
    controlledFirms(graph, c.ref.kind === 'PERSON' ? { ...common, person: c.ref.key } : { ...common, firm: c.ref.key }),
    c.ref.kind === 'PERSON' && firmKeys.length > 0
      ? graph.read<RoleRow>('analyses/personRoles', { person: c.ref.key, keys: firmKeys, asOf: dateParam(params.asOf) })
      : Promise.resolve([] as RoleRow[]),
  ]);
  const found: SelfBorrower[] = [];
  for (const r of rows) {
    const key = r.borrower.borrower.key;
    const held = down.findings.find((f) => f.subject.key === key && (f.facts.rulesMet as string[]).length > 0);
    const reps = roles.filter((x) => x.firm === key && x.type === 'LEGAL_REPRESENTATIVE_OF');
    const grounds = [...((held?.facts.rulesMet as string[] | undefined) ?? []), ...(reps.length > 0 ? ['legal-representative'] : []), ...(key === c.ref.key ? ['borrower-self'] : [])];
    if (grounds.length === 0) continue;
    const roleChains: Chain[] = held
      ? []
      : reps.map((x) => ({
          kind: 'role',
          path: [c.ref, toEntityRef(r.borrower.borrower)],
          edges: [{ type: 'LEGAL_REPRESENTATIVE_OF', role: LEGAL_REPRESENTATIVE, ...edgeDates(x.validFrom, x.validTo) }],
          product: null,
        }));
    found.push({ borrower: r.borrower, list: r.list, controller: c, grounds, chains: [...(held?.evidence.chains ?? []), ...roleChains], complete: held?.evidence.chainsComplete ?? true });
  }
  return { found, limitsHit: down.limitsHit };
}

export async function selfFinancing(graph: GraphReader, params: SelfFinancingParams): Promise<Envelope> {
  const ranAt = new Date().toISOString();
  const one = params.platform !== undefined ? await resolveFirm(graph, params.platform) : null;
  // A platform named by the user is examined wherever it is registered.
  const selection = await selectListTypes(graph, params.borrowerListTypes, 'disclosure');
  const rows = await graph.read<PlatformRow>('analyses/lendingPlatforms', {
    listTypes: selection.values,
    platform: one?.key ?? null,
    prefix: one ? '' : regionPrefix(params.jurisdiction),
  });

  const envelopeLimits = new Set<string>();
  const platforms = new Map<string, { platform: NonNullable<PlatformRow['platform']>; lists: PlatformRow[] }>();
  for (const row of rows) {
    if (row.platform === null) {
      // The disclosure names a platform the graph does not hold: its borrowers cannot be checked.
      envelopeLimits.add(`platformUnknown:${row.list.key}`);
      continue;
    }
    const entry = platforms.get(row.platform.key) ?? { platform: row.platform, lists: [] };
    entry.lists.push(row);
    platforms.set(row.platform.key, entry);
  }

  const findings: Finding[] = [];
  for (const { platform, lists } of platforms.values()) {
    const owners = await beneficialOwners(graph, { ...searchParams(params), firm: platform.key });
    const limits = new Set(owners.limitsHit);
    const controllers = controllersOf(owners);
    const borrowers = lists.flatMap((l) => l.borrowers.map((b) => ({ borrower: b, list: toEntityRef(l.list) })));
    const self: SelfBorrower[] = [];
    for (const c of controllers) {
      const { found, limitsHit } = await borrowersControlledBy(graph, c, borrowers, params);
      for (const l of limitsHit) limits.add(l);
      self.push(...found);
    }
    if (self.length === 0) {
      // Not a finding, but a cap reached here means the platform is not shown to be clean.
      for (const l of limits) envelopeLimits.add(l);
      continue;
    }

    const selfKeys = [...new Set(self.map((s) => s.borrower.borrower.key))];
    const involved = controllers.filter((c) => self.some((s) => s.controller === c));
    const amounts = borrowers.map((b) => b.borrower.amountWan);
    const byAmount = amounts.every((a) => typeof a === 'number') && amounts.some((a) => (a as number) > 0);
    const total = byAmount ? (amounts as number[]).reduce((s, a) => s + a, 0) : null;
    const selfAmount = byAmount
      ? borrowers.filter((b) => selfKeys.includes(b.borrower.borrower.key)).reduce((s, b) => s + (b.borrower.amountWan as number), 0)
      : null;
    const share = byAmount ? selfAmount! / total! : selfKeys.length / new Set(borrowers.map((b) => b.borrower.borrower.key)).size;
    const text = [platform.name, platform.industry ?? '', platform.businessScope ?? ''].join('\n');
    const limitsHit = sortedLimits(limits);
    findings.push({
      subject: toEntityRef(platform),
      score: share,
      facts: {
        status: platform.status ?? null,
        platformKeywordsHit: params.platformKeywords.filter((k) => text.includes(k)),
        lists: lists.map((l) => l.list.caseNo ?? l.list.key),
        borrowers: new Set(borrowers.map((b) => b.borrower.borrower.key)).size,
        controllers: involved.map((c) => c.ref.name),
        controllerKeys: involved.map((c) => c.ref.key),
        controllerGrounds: involved.map((c) => `${c.ref.name}: ${c.grounds.join(', ')}`),
        selfBorrowers: selfKeys.map((k) => self.find((s) => s.borrower.borrower.key === k)!.borrower.borrower.name),
        selfBorrowerKeys: selfKeys,
        selfBorrowerGrounds: self.map((s) => `${s.borrower.borrower.name} ← ${s.controller.ref.name}: ${s.grounds.join(', ')}`),
        borrowedAmountWan: total,
        selfBorrowedAmountWan: selfAmount,
        selfShare: share,
        shareBasis: byAmount ? 'amount' : 'count',
      },
      evidence: {
        chains: [
          ...involved.flatMap((c) => c.chains),
          ...self.flatMap((s) => [...s.chains, listingChain(s.borrower, s.list)]),
        ],
        chainsComplete: involved.every((c) => c.complete) && self.every((s) => s.complete),
      },
      exhaustive: limitsHit.length === 0,
      limitsHit,
    });
  }

  findings.sort((a, b) => (b.score ?? 0) - (a.score ?? 0) || a.subject.key.localeCompare(b.subject.key));
  const limitsHit = sortedLimits([...envelopeLimits, ...findings.flatMap((f) => f.limitsHit)]);
  return withListTypes(envelopeOf('self-financing', { ...params }, ranAt, one ? { kind: 'COMPANY', key: one.key, name: one.name } : null, limitsHit, findings), selection, 'borrowerListTypes');
}
