import { z } from 'zod';
import type { GraphReader } from '../cypher/run.ts';
import { dateParam, int } from '../cypher/values.ts';
import { beneficialOwners } from './beneficialOwners.ts';
import { booleanParam } from './booleanParam.ts';
import { differs, distance, matchBasis, strongest, type FiledFigure, type Identity, type MatchBasis } from './boComparison.ts';
import { envelopeOf, sortedLimits, toEntityRef, type Chain, type EntityRef, type Envelope, type Finding, type NodeRow } from './envelope.ts';
import { entityText, isoDate, jurisdiction, limitParams, rules, threshold } from './params.ts';
import { regionPrefix } from './regionScope.ts';
import { resolveFirm } from './resolve.ts';

/**
 * 受益所有人备案比对 / filed versus computed beneficial owners: for each firm with filings (or one
 * firm), the owners it filed set beside the ones beneficial-owners computes from the holdings —
 * a filed owner the graph does not find, a computed owner nobody filed (a lead to a hidden
 * holder: 代持, 隐名股东), and figures that differ beyond a tolerance, each with both figures and
 * the chains. docs/analyses/bo-mismatch.md.
 */

/** Per-firm search caps; the whole run's time budget is this analysis's own. */
const PER_FIRM_TIMEOUT_MS = 10_000;
const CONCURRENCY = 4;

export const boMismatchParams = z.object({
  /** One firm: key, USCC or exact name; absent: every firm with a filing in the jurisdiction. */
  firm: entityText.optional(),
  rules,
  threshold,
  /** Filed and computed ratios closer than this (absolute, as a fraction) agree. */
  tolerance: z.coerce.number().min(0).max(1).default(0.01),
  asOf: isoDate.optional(),
  /** List the owners whose figures agree too; default: yes for one firm, no for a screen. */
  includeMatches: booleanParam.optional(),
  jurisdiction,
  /** Most firms compared, in key order. */
  maxFirms: z.coerce.number().int().min(1).max(100_000).default(2000),
  ...limitParams,
  /** The whole run's time budget in ms; each firm's search gets what is left, at most 10 s. */
  timeoutMs: z.coerce.number().int().min(0).max(3_600_000).default(120_000),
});
export type BoMismatchParams = z.output<typeof boMismatchParams>;

type Status = 'match' | 'ratio-differs' | 'filed-not-computed' | 'computed-not-filed';

interface OwnerRow extends NodeRow {
  key: string;
  name: string;
  normalizedName: string | null;
  idMasked: string | null;
  keyBasis: string | null;
}

interface FilingRow {
  filing: NodeRow & {
    key: string;
    ownerKey: string | null;
    ownerName: string;
    ownerIdMasked: string | null;
    interestType: string | null;
    ratio: number | null;
    ratioText: string | null;
    ratioMin: number | null;
    ratioMax: number | null;
    declaredIndirect: boolean | null;
    source: string | null;
  };
  owner: OwnerRow | null;
}

interface FirmRow {
  firm: NodeRow & { key: string; name: string };
  filings: FilingRow[];
}

interface IdentityRow {
  key: string;
  normalizedName: string | null;
  idMasked: string | null;
  keyBasis: string | null;
}

/** The filings of one owner of one firm, compared as one (a share filing and a voting filing name one person). */
interface FiledOwner {
  subject: EntityRef;
  identity: Identity;
  filings: FilingRow['filing'][];
}

function filedOwners(rows: FilingRow[]): FiledOwner[] {
  const byOwner = new Map<string, FiledOwner>();
  for (const { filing, owner } of rows) {
    const id = filing.ownerKey ?? filing.key;
    const entry = byOwner.get(id) ?? {
      subject: owner ? toEntityRef(owner) : { kind: 'BO_FILING' as const, key: filing.key, name: filing.ownerName },
      identity: {
        key: id,
        normalizedName: owner?.normalizedName ?? null,
        idMasked: owner?.idMasked ?? filing.ownerIdMasked ?? null,
        keyBasis: owner?.keyBasis ?? null,
      },
      filings: [],
    };
    entry.filings.push(filing);
    byOwner.set(id, entry);
  }
  return [...byOwner.values()];
}

/** The figure of an owner's filings: the largest exact ratio, else the range, else none. */
function filedFigure(filings: FilingRow['filing'][]): FiledFigure & { text: string | null } {
  const exact = filings.filter((f) => typeof f.ratio === 'number').sort((a, b) => b.ratio! - a.ratio!)[0];
  if (exact) return { ratio: exact.ratio, ratioMin: null, ratioMax: null, text: exact.ratioText ?? null };
  const range = filings.find((f) => f.ratioMin !== null || f.ratioMax !== null);
  if (range) return { ratio: null, ratioMin: range.ratioMin ?? null, ratioMax: range.ratioMax ?? null, text: range.ratioText ?? null };
  return { ratio: null, ratioMin: null, ratioMax: null, text: null };
}

const filingChain = (firm: EntityRef, f: FilingRow['filing']): Chain => ({
  kind: 'filing',
  path: [firm, toEntityRef(f)],
  edges: [
    {
      type: 'FILED_BO',
      details: {
        ownerName: f.ownerName,
        interestType: f.interestType ?? null,
        ratio: f.ratio ?? null,
        ratioText: f.ratioText ?? null,
        ratioMin: f.ratioMin ?? null,
        ratioMax: f.ratioMax ?? null,
        declaredIndirect: f.declaredIndirect ?? null,
        source: f.source ?? null,
      },
    },
  ],
  product: null,
});

const NAME_ONLY_NOTE =
  '仅凭姓名匹配：至少一方没有证件号码，可能并非同一人；同名者的计算比例已相加 / matched on the name alone: one side shows no ID number, so this may not be one person; the figures of the same-name persons are added';

/** One firm: its filed owners beside its computed ones. */
async function compareFirm(graph: GraphReader, row: FirmRow, params: BoMismatchParams, includeMatches: boolean, timeoutMs: number): Promise<{ findings: Finding[]; limitsHit: string[] }> {
  const { firm: _f, tolerance: _t, includeMatches: _i, jurisdiction: _j, maxFirms: _m, ...common } = params;
  const env = await beneficialOwners(graph, { ...common, firm: row.firm.key, timeoutMs });
  const firm = toEntityRef(row.firm);
  const persons = env.findings.filter((f) => f.subject.kind === 'PERSON');
  const identities = new Map(
    (persons.length > 0 ? await graph.read<IdentityRow>('analyses/personIdentities', { keys: persons.map((p) => p.subject.key) }) : []).map((r) => [r.key, r]),
  );
  const computed = env.findings.map((f) => {
    const id = identities.get(f.subject.key);
    const identity: Identity = { key: f.subject.key, normalizedName: id?.normalizedName ?? null, idMasked: id?.idMasked ?? null, keyBasis: id?.keyBasis ?? null };
    return { finding: f, identity };
  });

  const claimed = new Set<string>();
  const findings: Finding[] = [];
  for (const owner of filedOwners(row.filings)) {
    const matched = computed.flatMap((c) => {
      const basis = matchBasis(owner.identity, c.identity);
      return basis ? [{ ...c, basis }] : [];
    });
    for (const m of matched) claimed.add(m.finding.subject.key);
    const figure = filedFigure(owner.filings);
    const found = matched.length > 0;
    const computedRatio = found ? matched.reduce((s, m) => s + (m.finding.facts.effectiveRatio as number), 0) : null;
    const computedRules = [...new Set(matched.flatMap((m) => m.finding.facts.rulesMet as string[]))].sort();
    const computedOwner = matched.some((m) => m.finding.facts.beneficialOwner === true);
    const gap = computedRatio === null ? null : distance(figure, computedRatio);
    const status: Status = !found
      ? 'filed-not-computed'
      : gap !== null
        ? differs(gap, params.tolerance)
          ? 'ratio-differs'
          : 'match'
        : computedOwner
          ? 'match'
          : 'filed-not-computed';
    if (status === 'match' && !includeMatches) continue;
    const basis: MatchBasis | null = strongest(matched.map((m) => m.basis));
    const limitsHit = sortedLimits([...env.limitsHit.filter((l) => l !== 'unknownRatio'), ...matched.flatMap((m) => m.finding.limitsHit)]);
    findings.push({
      subject: owner.subject,
      score: status === 'match' ? 0 : (gap ?? figure.ratio ?? params.threshold),
      facts: {
        firm: firm.key,
        firmName: firm.name,
        status,
        mismatch: status !== 'match',
        identifier: owner.identity.idMasked,
        filedOwner: owner.filings[0]!.ownerName,
        filedRatio: figure.ratio,
        filedRatioMin: figure.ratioMin,
        filedRatioMax: figure.ratioMax,
        filedRatioText: figure.text,
        filedInterestTypes: [...new Set(owner.filings.map((f) => f.interestType).filter((t): t is string => Boolean(t)))],
        declaredIndirect: owner.filings.some((f) => f.declaredIndirect === true) ? true : owner.filings.some((f) => f.declaredIndirect === false) ? false : null,
        filingSource: owner.filings[0]!.source ?? null,
        computedRatio,
        computedRules,
        computedBeneficialOwner: computedOwner,
        inGraph: found,
        difference: gap,
        matchedBy: basis,
        matchedPersons: matched.map((m) => m.finding.subject.key),
        matchNote: matched.some((m) => m.basis === 'name-only') ? NAME_ONLY_NOTE : null,
      },
      evidence: {
        chains: [...owner.filings.map((f) => filingChain(firm, f)), ...matched.flatMap((m) => m.finding.evidence.chains)],
        chainsComplete: matched.every((m) => m.finding.evidence.chainsComplete),
      },
      exhaustive: limitsHit.length === 0,
      limitsHit,
    });
  }

  // A beneficial owner the holdings show and nobody filed. Filings name natural persons, so a
  // state body at the top of the structure is not expected among them.
  for (const c of computed) {
    const f = c.finding;
    if (f.subject.kind !== 'PERSON' || f.facts.beneficialOwner !== true || claimed.has(f.subject.key)) continue;
    const ratio = f.facts.effectiveRatio as number;
    findings.push({
      subject: f.subject,
      score: ratio > 0 ? ratio : params.threshold,
      facts: {
        firm: firm.key,
        firmName: firm.name,
        status: 'computed-not-filed',
        mismatch: true,
        identifier: (f.facts.identifier as string | null) ?? null,
        filedOwner: null,
        filedRatio: null,
        filedRatioMin: null,
        filedRatioMax: null,
        filedRatioText: null,
        filedInterestTypes: [],
        declaredIndirect: null,
        filingSource: null,
        computedRatio: ratio,
        computedRules: [...(f.facts.rulesMet as string[])].sort(),
        computedBeneficialOwner: true,
        inGraph: true,
        difference: null,
        matchedBy: null,
        matchedPersons: [],
        matchNote: null,
      },
      evidence: f.evidence,
      exhaustive: f.exhaustive,
      limitsHit: f.limitsHit,
    });
  }
  return { findings, limitsHit: env.limitsHit };
}

export async function boMismatch(graph: GraphReader, params: BoMismatchParams): Promise<Envelope> {
  const ranAt = new Date().toISOString();
  const deadline = Date.now() + params.timeoutMs;
  const one = params.firm !== undefined ? await resolveFirm(graph, params.firm) : null;
  const includeMatches = params.includeMatches ?? one !== null;
  const rows = await graph.read<FirmRow>('analyses/boFilingFirms', {
    firm: one?.key ?? null,
    prefix: regionPrefix(params.jurisdiction),
    asOf: dateParam(params.asOf),
    limit: int(params.maxFirms + 1),
  });
  const limits = new Set<string>();
  if (rows.length > params.maxFirms) limits.add('firms');
  const todo = rows.slice(0, params.maxFirms);

  const findings: Finding[] = [];
  let next = 0;
  const worker = async () => {
    while (next < todo.length) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        limits.add('time');
        return;
      }
      const row = todo[next++]!;
      const result = await compareFirm(graph, row, params, includeMatches, Math.min(remaining, PER_FIRM_TIMEOUT_MS));
      findings.push(...result.findings);
      for (const l of result.limitsHit) if (l !== 'unknownRatio') limits.add(l);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));

  findings.sort(
    (a, b) =>
      Number(b.facts.mismatch) - Number(a.facts.mismatch) ||
      (b.score ?? 0) - (a.score ?? 0) ||
      String(a.facts.firm).localeCompare(String(b.facts.firm)) ||
      a.subject.key.localeCompare(b.subject.key),
  );
  const limitsHit = sortedLimits([...limits, ...findings.flatMap((f) => f.limitsHit)]);
  return envelopeOf('bo-mismatch', { ...params, includeMatches }, ranAt, one ? { kind: 'COMPANY', key: one.key, name: one.name } : null, limitsHit, findings);
}
