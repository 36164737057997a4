import type { Chain, EntityRef, Envelope, FactValue, Finding } from '../analyses/envelope.ts';
import { analyses } from '../analyses/index.ts';
import { currentKeys } from '../analyses/resolve.ts';
import type { GraphReader } from '../cypher/run.ts';
import type { ReportDocument } from '../exporters/document.ts';
import { percentText } from '../model/values.ts';
import type { FindingChange, RunDiff } from './types.ts';

/**
 * What changed between two runs of one saved query, in investigators' terms (reports/types.ts
 * says what each change code means).
 *
 * Findings are matched on stable keys — a firm's USCC or key, a person's key — never on their
 * position or name, with every key of both runs read through `currentKeys`: a person merged away
 * by an import answers as the survivor, so the earlier run's finding about the merged-away key is
 * the later run's finding about the survivor (listed in `resolvedAliases`), neither gone nor new.
 * Where one analysis lists several findings about one subject (a venue per reason, a firm per list
 * entry, a filed owner per firm, every path ending at `to`), the fact that tells them apart joins
 * the subject key (`discriminatingFacts`); findings that still share a key — the paths between two
 * parties — are compared as one group.
 *
 * For a finding present in both runs, the specific changes are looked for first, each on its own
 * grounds: an effective share across 25% or 50% (a ratio fact, or the ownership chains' products
 * per holder and firm), a firm on the evidence newly on a list, a venue's new local member, a new
 * path between two parties. When one is found, the figures that follow from it (the count of
 * flagged firms, the `how` text, the score) are not listed again; only a finding with none of
 * them gets the general SCORE_CHANGED, FACTS_CHANGED (per fact) or EVIDENCE_CHANGED. A beneficial
 * owner gone while another arrived is one OWNER_REPLACED change on the firm the run was about.
 *
 * Everything is keyed in Maps and Sets: two runs of 10,000 findings compare in well under a
 * second (tests/reports/diff.test.ts; the benchmark of issue 13).
 */

/** Facts that tell apart findings of one subject within one run (see the analyses' pages). */
const discriminatingFacts = ['finding', 'reason', 'firm', 'input', 'clusterKind'] as const;

/** Fractions of 1 whose crossing of 25% or 50% is a change of control or ownership standing. */
const ratioFacts = ['effectiveRatio', 'familyGroupRatio', 'computedRatio'] as const;

/** The lines an effective share crosses, highest first: 50% is a majority, 25% the beneficial-owner threshold. */
const controlLines = [
  { line: 0.5, code: 'CONTROL_CROSSED_50' },
  { line: 0.25, code: 'CONTROL_CROSSED_25' },
] as const;

/** Analyses whose `path` chains are routes between two parties the user asked about. */
const pathAnalyses = new Set(['paths', 'common-controllers']);

/** Analyses whose subject is the firm held and whose `about` is the holder (the others: the reverse). */
const holderIsAbout = new Set(['controlled-firms']);

/** The number JavaScript's float arithmetic leaves on a share of exactly 25% (0.3 × 0.75 + 0.1 × 0.25). */
const EPSILON = 1e-9;

type KeyMap = ReadonlyMap<string, string>;

interface Unit {
  key: string;
  subject: EntityRef;
  findings: Finding[];
  /** The subject key as the run gave it, before aliases were resolved. */
  givenKey: string;
}

interface Side {
  envelope: Envelope;
  units: Map<string, Unit>;
  /** `entity key|list entry key` of every listing on any finding's evidence: flagged in this run. */
  listings: Set<string>;
}

/** Two runs of one saved query compared; `currentKeys` maps a key to the key it answers as now (absent: itself). */
export function diffRuns(before: { id: string; document: ReportDocument }, after: { id: string; document: ReportDocument }, currentKeys: KeyMap): RunDiff {
  const current = (key: string) => currentKeys.get(key) ?? key;
  const earlier = sideOf(before.document.envelope, current);
  const later = sideOf(after.document.envelope, current);
  const analysis = after.document.envelope.analysis;
  const scoreIsRatio = Object.hasOwn(analyses, analysis) ? analyses[analysis]!.scoreIsRatio === true : false;
  const ctx: Context = { earlier, later, current, analysis, scoreIsRatio };

  const newUnits: Unit[] = [];
  const changedFindings: RunDiff['changedFindings'] = [];
  let unchangedCount = 0;
  for (const [key, unit] of later.units) {
    const was = earlier.units.get(key);
    if (!was) {
      newUnits.push(unit);
      continue;
    }
    const changes = unitChanges(was, unit, ctx);
    if (changes.length === 0) unchangedCount++;
    else changedFindings.push({ subject: unit.subject, changes });
  }
  const goneUnits = [...earlier.units.values()].filter((u) => !later.units.has(u.key));

  const replaced = ownerReplacement(goneUnits, newUnits, earlier, later, current);
  if (replaced) changedFindings.unshift(replaced.change);
  const isReplaced = (u: Unit) => replaced?.units.has(u) === true;

  return {
    fromRunId: before.id,
    toRunId: after.id,
    newFindings: newUnits.filter((u) => !isReplaced(u)).map((u) => u.subject),
    goneFindings: goneUnits.filter((u) => !isReplaced(u)).map((u) => u.subject),
    changedFindings,
    unchangedCount,
    resolvedAliases: resolvedAliases(before.document, currentKeys),
  };
}

/** Whether a diff has anything to tell its reader (a watch puts an inbox item only then). */
export function hasChanges(diff: RunDiff): boolean {
  return diff.newFindings.length > 0 || diff.goneFindings.length > 0 || diff.changedFindings.length > 0;
}

/** Each key with the key it answers as now: a person merged away by an import answers as the survivor. */
export async function currentKeysFor(graph: GraphReader, keys: Iterable<string>): Promise<Map<string, string>> {
  return currentKeys(graph, [...new Set(keys)]);
}

/** The diff of two report runs, the persons of both read through the aliases the graph holds now. */
export async function diffReportRuns(graph: GraphReader, before: { id: string; document: ReportDocument }, after: { id: string; document: ReportDocument }): Promise<RunDiff> {
  const keys = new Set<string>();
  for (const d of [before.document, after.document]) collectPersonKeys(d, keys);
  return diffRuns(before, after, await currentKeysFor(graph, keys));
}

// ---------------------------------------------------------------------------------------------
// Matching findings

function sideOf(envelope: Envelope, current: (key: string) => string): Side {
  const units = new Map<string, Unit>();
  const listings = new Set<string>();
  for (const finding of envelope.findings) {
    const key = unitKey(finding, current);
    const unit = units.get(key);
    if (unit) unit.findings.push(finding);
    else units.set(key, { key, subject: { ...finding.subject, key: current(finding.subject.key) }, findings: [finding], givenKey: finding.subject.key });
    for (const c of finding.evidence.chains) {
      if (c.kind === 'listing' && c.path.length > 1) listings.add(`${current(c.path[0]!.key)}|${c.path[c.path.length - 1]!.key}`);
    }
  }
  return { envelope, units, listings };
}

function unitKey(finding: Finding, current: (key: string) => string): string {
  let key = `${finding.subject.kind}:${current(finding.subject.key)}`;
  for (const fact of discriminatingFacts) {
    const value = finding.facts[fact];
    if (typeof value === 'string') key += `|${fact}=${current(value)}`;
  }
  // A hub the paths did not pass through is a finding of another sort than a path ending at it.
  if (finding.facts.hub === true) key += '|hub';
  return key;
}

/** Keys of the earlier run that answer as another key now, once each, in key order. */
function resolvedAliases(document: ReportDocument, currentKeys: KeyMap): RunDiff['resolvedAliases'] {
  const aliases = [...currentKeys].filter(([from, to]) => from !== to);
  if (aliases.length === 0) return [];
  const keys = new Set<string>();
  collectPersonKeys(document, keys);
  return aliases
    .filter(([from]) => keys.has(from))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([from, to]) => ({ from, to }));
}

/**
 * Every person key a document names: subjects, `about`, the evidence and the network, and the
 * key lists among the facts (`controllerKeys`, `sharedPeopleKeys` …). Only persons are ever merged
 * (KeyAlias), so firm keys need not be asked about.
 */
function collectPersonKeys(document: ReportDocument, into: Set<string>): void {
  const add = (ref: EntityRef | null | undefined) => {
    if (ref?.kind === 'PERSON') into.add(ref.key);
  };
  const { envelope } = document;
  add(envelope.about);
  for (const node of document.network.nodes) add(node);
  for (const f of envelope.findings) {
    add(f.subject);
    for (const c of f.evidence.chains) for (const ref of c.path) add(ref);
    for (const ref of f.evidence.subgraph?.nodes ?? []) add(ref);
    for (const value of Object.values(f.facts)) {
      if (typeof value === 'string' && value.startsWith('P-')) into.add(value);
      else if (Array.isArray(value)) for (const v of value) if (v.startsWith('P-')) into.add(v);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// What changed for one finding

interface Context {
  earlier: Side;
  later: Side;
  current: (key: string) => string;
  analysis: string;
  scoreIsRatio: boolean;
}

function unitChanges(was: Unit, now: Unit, ctx: Context): FindingChange[] {
  // Most findings of a watch are as they were: a field-by-field look settles those before any
  // change is searched for, so the cost of a diff is that of reading both runs once.
  if (sameUnit(was, now, ctx.current)) return [];
  const specific = [
    ...crossings(was, now, ctx),
    ...newlyFlagged(was, now, ctx),
    ...newLocalMembers(was, now, ctx),
    ...(pathAnalyses.has(ctx.analysis) ? newPaths(was, now, ctx) : []),
  ];
  if (specific.length > 0) return specific;
  return generalChanges(was, now, ctx);
}

/** An effective share across 25% or 50%: a ratio fact, else the ownership chains per holder and firm. */
function crossings(was: Unit, now: Unit, ctx: Context): FindingChange[] {
  const changes: FindingChange[] = [];
  const a = was.findings.length === 1 ? was.findings[0]! : null;
  const b = now.findings.length === 1 ? now.findings[0]! : null;
  let ratioFactsSeen = false;
  if (a && b) {
    for (const fact of ratioFacts) {
      const from = a.facts[fact];
      const to = b.facts[fact];
      if (typeof from !== 'number' && typeof to !== 'number') continue;
      ratioFactsSeen = true;
      if (typeof from !== 'number' || typeof to !== 'number') continue;
      const { holder, firm } = holderAndFirm(now.subject, ctx);
      const crossing = crossingOf(from, to, holder, firm, fact === 'familyGroupRatio' ? '家族合计持股 / family group share' : null, 0);
      if (crossing) changes.push({ ...crossing, field: fact });
    }
  }
  if (ratioFactsSeen) return changes;

  // Ownership chains: the products summed per holder and firm (the effective share the chains show).
  const before = ownershipShares(was, ctx.current);
  const after = ownershipShares(now, ctx.current);
  const seenBefore = evidenceKeys(was, ctx.current);
  const seenAfter = evidenceKeys(now, ctx.current);
  for (const [pair, share] of after) {
    const prior = before.get(pair);
    // Not listed on one side although the firm is on that side's evidence: that run listed no
    // holding chain because the share was below its threshold (flagged-controllers lists them
    // only from the threshold up), so only the lines at or above that threshold can be judged.
    if (prior === undefined && !seenBefore.has(share.firm.key)) continue;
    const crossing = crossingOf(prior?.share ?? null, share.share, share.holder, share.firm, null, listedFrom(ctx.earlier));
    if (crossing) changes.push({ ...crossing, field: share.firm.key });
  }
  for (const [pair, share] of before) {
    if (after.has(pair) || !seenAfter.has(share.firm.key)) continue;
    const crossing = crossingOf(share.share, null, share.holder, share.firm, null, listedFrom(ctx.later));
    if (crossing) changes.push({ ...crossing, field: share.firm.key });
  }
  return changes;
}

function holderAndFirm(subject: EntityRef, ctx: Context): { holder: EntityRef; firm: EntityRef | null } {
  const about = ctx.later.envelope.about;
  if (holderIsAbout.has(ctx.analysis) && about) return { holder: about, firm: subject };
  return { holder: subject, firm: about };
}

/** The share from which a run lists holding chains (its `threshold` parameter; 25% by default). */
function listedFrom(side: Side): number {
  const threshold = side.envelope.params.threshold;
  return typeof threshold === 'number' ? threshold : 0.25;
}

/**
 * The highest line crossed between two shares, as a change. A share of null was not listed: below
 * `unlisted`, so only lines at or above that are known to be crossed.
 */
function crossingOf(from: number | null, to: number | null, holder: EntityRef, firm: EntityRef | null, label: string | null, unlisted: number): Omit<FindingChange, 'field'> | null {
  const level = (x: number | null) => (x === null ? 0 : x + EPSILON);
  const known = (line: number) => (from !== null && to !== null) || line + EPSILON >= unlisted;
  const crossed = controlLines.find(({ line }) => known(line) && level(from) >= line !== level(to) >= line);
  if (!crossed) return null;
  const rose = level(to) > level(from);
  const line = percentText(crossed.line);
  const fromZh = from === null ? `低于 ${percentText(unlisted)}（未列出）` : percentText(from);
  const fromEn = from === null ? `below ${percentText(unlisted)} (not listed)` : percentText(from);
  const toZh = to === null ? `低于 ${percentText(unlisted)}（不再列出）` : percentText(to);
  const toEn = to === null ? `below ${percentText(unlisted)} (no longer listed)` : percentText(to);
  const [zhLabel, enLabel] = (label ?? '有效持股 / effective share').split(' / ') as [string, string];
  const zhWho = firm ? `${holder.name} 在 ${firm.name} 的${zhLabel}` : `${holder.name} 的${zhLabel}`;
  const enWho = firm ? `${holder.name}'s ${enLabel} of ${firm.name}` : `${holder.name}'s ${enLabel}`;
  return {
    code: crossed.code,
    before: from,
    after: to,
    text:
      `${zhWho}由 ${fromZh} ${rose ? '升至' : '降至'} ${toZh}，${rose ? '达到' : '跌破'} ${line} / ` +
      `${enWho} ${rose ? 'rose' : 'fell'} from ${fromEn} to ${toEn}, ${rose ? 'reaching' : 'falling below'} ${line}`,
  };
}

interface PairShare {
  holder: EntityRef;
  firm: EntityRef;
  share: number;
}

function ownershipShares(unit: Unit, current: (key: string) => string): Map<string, PairShare> {
  const out = new Map<string, PairShare>();
  for (const f of unit.findings) {
    for (const c of f.evidence.chains) {
      if (c.kind !== 'ownership' || c.product === null || c.path.length < 2) continue;
      const holder = c.path[0]!;
      const firm = c.path[c.path.length - 1]!;
      const pair = `${current(holder.key)}>${current(firm.key)}`;
      const share = out.get(pair);
      if (share) share.share += c.product;
      else out.set(pair, { holder: { ...holder, key: current(holder.key) }, firm: { ...firm, key: current(firm.key) }, share: c.product });
    }
  }
  return out;
}

function evidenceKeys(unit: Unit, current: (key: string) => string): Set<string> {
  const keys = new Set<string>();
  for (const f of unit.findings) for (const c of f.evidence.chains) for (const ref of c.path) keys.add(current(ref.key));
  return keys;
}

/**
 * An entity on the finding's evidence with a listing that no finding of the earlier run showed: a
 * firm newly flagged (or on a new case). A `flagged` fact turning true says the same of the
 * subject itself (list-xref, keyword-screen).
 */
function newlyFlagged(was: Unit, now: Unit, ctx: Context): FindingChange[] {
  const changes: FindingChange[] = [];
  const reported = new Set<string>();
  for (const f of now.findings) {
    for (const c of f.evidence.chains) {
      if (c.kind !== 'listing' || c.path.length < 2) continue;
      const entity = c.path[0]!;
      const entry = c.path[c.path.length - 1]!;
      const key = ctx.current(entity.key);
      const listing = `${key}|${entry.key}`;
      if (ctx.earlier.listings.has(listing) || reported.has(listing)) continue;
      reported.add(listing);
      changes.push({
        code: 'NEWLY_FLAGGED',
        field: key,
        before: null,
        after: entry.name,
        text: `${entity.name} 新列入名单：${entry.name} / ${entity.name} is newly on a list: ${entry.name}`,
      });
    }
  }
  const a = was.findings.length === 1 ? was.findings[0]! : null;
  const b = now.findings.length === 1 ? now.findings[0]! : null;
  const subjectListed = [...reported].some((l) => l.startsWith(`${now.subject.key}|`));
  if (a && b && a.facts.flagged === false && b.facts.flagged === true && !subjectListed) {
    const lists = Array.isArray(b.facts.listTypes) ? b.facts.listTypes.join('、') : '';
    changes.push({
      code: 'NEWLY_FLAGGED',
      field: now.subject.key,
      before: false,
      after: true,
      text: `${now.subject.name} 新列入名单${lists ? `：${lists}` : ''} / ${now.subject.name} is newly on a list${lists ? `: ${lists}` : ''}`,
    });
  }
  return changes;
}

/** A member, agent or branch of a venue on the later evidence that the earlier did not show. */
function newLocalMembers(was: Unit, now: Unit, ctx: Context): FindingChange[] {
  const known = new Set<string>();
  for (const f of was.findings) {
    for (const c of f.evidence.chains) if ((c.kind === 'membership' || c.kind === 'branch') && c.path.length > 1) known.add(ctx.current(c.path[0]!.key));
    const keys = f.facts.localKeys;
    if (Array.isArray(keys)) for (const k of keys) known.add(ctx.current(k));
  }
  const changes: FindingChange[] = [];
  for (const f of now.findings) {
    for (const c of f.evidence.chains) {
      if ((c.kind !== 'membership' && c.kind !== 'branch') || c.path.length < 2) continue;
      const member = c.path[0]!;
      const key = ctx.current(member.key);
      if (known.has(key)) continue;
      known.add(key);
      const venue = c.path[c.path.length - 1]!;
      const how = c.kind === 'branch' ? ['分支机构', 'branch'] : memberType(c);
      changes.push({
        code: 'NEW_LOCAL_MEMBER',
        field: key,
        before: null,
        after: member.name,
        text: `${venue.name} 新增本地${how[0]}：${member.name} / ${venue.name} has a new local ${how[1]}: ${member.name}`,
      });
    }
  }
  return changes;
}

function memberType(c: Chain): [string, string] {
  const text = c.edges[0]?.details?.memberTypeText;
  return typeof text === 'string' && text !== '' ? [text, `member (${text})`] : ['会员或代理', 'member or agent'];
}

/** A route between two parties that no path of the earlier run took. */
function newPaths(was: Unit, now: Unit, ctx: Context): FindingChange[] {
  const known = new Set<string>();
  for (const f of was.findings) for (const c of f.evidence.chains) if (c.kind === 'path') known.add(pathSignature(c, ctx.current));
  const changes: FindingChange[] = [];
  for (const f of now.findings) {
    for (const c of f.evidence.chains) {
      if (c.kind !== 'path' || c.path.length < 2) continue;
      const signature = pathSignature(c, ctx.current);
      if (known.has(signature)) continue;
      known.add(signature);
      const from = c.path[0]!;
      const to = c.path[c.path.length - 1]!;
      const route = c.path.map((r) => r.name).join(' → ');
      const hops = c.path.length - 1;
      changes.push({
        code: 'NEW_PATH',
        field: c.path.map((r) => ctx.current(r.key)).join(' → '),
        before: null,
        after: route,
        text: `${from.name} 与 ${to.name} 之间出现新路径（${hops} 跳）：${route} / a new path (${hops} ${hops === 1 ? 'hop' : 'hops'}) between ${from.name} and ${to.name}: ${route}`,
      });
    }
  }
  return changes;
}

/** A route by its entities, either way round (the same two parties joined the same way). */
function pathSignature(c: Chain, current: (key: string) => string): string {
  const keys = c.path.map((r) => current(r.key));
  const forward = keys.join('>');
  const backward = [...keys].reverse().join('>');
  return forward < backward ? forward : backward;
}

// ---------------------------------------------------------------------------------------------
// The general changes, when nothing specific explains a finding's change

function generalChanges(was: Unit, now: Unit, ctx: Context): FindingChange[] {
  const changes: FindingChange[] = [];
  const scoreOf = (u: Unit) => u.findings.reduce<number | null>((best, f) => (f.score !== null && (best === null || f.score > best) ? f.score : best), null);
  const from = scoreOf(was);
  const to = scoreOf(now);
  if (from !== to) {
    const show = (s: number | null) => (s === null ? '—' : ctx.scoreIsRatio ? percentText(s) : String(round(s)));
    changes.push({
      code: 'SCORE_CHANGED',
      field: 'score',
      before: from,
      after: to,
      text: `${now.subject.name} 的得分由 ${show(from)} 变为 ${show(to)} / ${now.subject.name}: score moved from ${show(from)} to ${show(to)}`,
    });
  }
  // Facts are one table row: compared when each run has one row for the subject.
  if (was.findings.length === 1 && now.findings.length === 1) {
    const a = was.findings[0]!.facts;
    const b = now.findings[0]!.facts;
    const merged = was.givenKey !== now.givenKey || ctx.current(was.givenKey) !== was.givenKey;
    for (const fact of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const x = factText(a[fact], fact, ctx.current);
      const y = factText(b[fact], fact, ctx.current);
      if (x === y) continue;
      // A record merged into an identified person brings the person's masked ID number: that is
      // the merge itself (resolvedAliases), not news about the finding.
      if (merged && fact === 'identifier' && (x === null || x === '')) continue;
      changes.push({
        code: 'FACTS_CHANGED',
        field: fact,
        before: x,
        after: y,
        text: `${now.subject.name} 的 ${fact} 由 ${x ?? '空'} 变为 ${y ?? '空'} / ${now.subject.name}: ${fact} changed from ${x ?? 'none'} to ${y ?? 'none'}`,
      });
    }
  }
  if (changes.length > 0) return changes;
  const chainsOf = (u: Unit) => new Set(u.findings.flatMap((f) => f.evidence.chains.map((c) => chainSignature(c, ctx.current))));
  const before = chainsOf(was);
  const after = chainsOf(now);
  const added = [...after].filter((c) => !before.has(c)).length;
  const gone = [...before].filter((c) => !after.has(c)).length;
  if (added > 0 || gone > 0) {
    changes.push({
      code: 'EVIDENCE_CHANGED',
      field: null,
      before: gone,
      after: added,
      text: `${now.subject.name} 的证据链有变化：新增 ${added} 条，消失 ${gone} 条 / ${now.subject.name}: the evidence chains changed, ${added} added and ${gone} gone`,
    });
  }
  return changes;
}

/** A fact as one comparable value: lists joined, keys read as they answer now, ratios as percentages. */
function factText(value: FactValue | undefined, fact: string, current: (key: string) => string): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.map(current).join('、');
  if (typeof value === 'string') return current(value);
  if (typeof value === 'number' && /Ratio$|Share$/.test(fact)) return percentText(value);
  if (typeof value === 'number') return round(value);
  return value;
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

function sameUnit(was: Unit, now: Unit, current: (key: string) => string): boolean {
  if (was.findings.length !== now.findings.length) return false;
  for (let i = 0; i < was.findings.length; i++) {
    const a = was.findings[i]!;
    const b = now.findings[i]!;
    if (a.score !== b.score || a.evidence.chains.length !== b.evidence.chains.length) return false;
    const keys = Object.keys(a.facts);
    if (keys.length !== Object.keys(b.facts).length) return false;
    for (const k of keys) if (!sameValue(a.facts[k], b.facts[k], current)) return false;
    for (let j = 0; j < a.evidence.chains.length; j++) if (!sameChain(a.evidence.chains[j]!, b.evidence.chains[j]!, current)) return false;
  }
  return true;
}

function sameValue(a: unknown, b: unknown, current: (key: string) => string): boolean {
  if (a === b) return true;
  if (typeof a === 'string' && typeof b === 'string') return current(a) === current(b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i], current));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], current));
  }
  return false;
}

const edgeFigures = ['type', 'ratio', 'adjustedRatio', 'role', 'basis', 'validFrom', 'validTo'] as const;

function sameChain(a: Chain, b: Chain, current: (key: string) => string): boolean {
  if (a.kind !== b.kind || a.product !== b.product || a.path.length !== b.path.length || a.edges.length !== b.edges.length) return false;
  for (let i = 0; i < a.path.length; i++) if (current(a.path[i]!.key) !== current(b.path[i]!.key)) return false;
  for (let i = 0; i < a.edges.length; i++) {
    const x = a.edges[i]!;
    const y = b.edges[i]!;
    for (const f of edgeFigures) if ((x[f] ?? null) !== (y[f] ?? null)) return false;
    if (!sameValue(x.details ?? null, y.details ?? null, current)) return false;
  }
  return true;
}

/** A chain by what it says: kind, entities by key, each step's figures; names left out (a renamed firm is the same chain). */
function chainSignature(c: Chain, current: (key: string) => string): string {
  return JSON.stringify([
    c.kind,
    c.path.map((r) => current(r.key)),
    c.edges.map((e) => [e.type, e.ratio ?? null, e.adjustedRatio ?? null, e.role ?? null, e.basis ?? null, e.validFrom ?? null, e.validTo ?? null, e.details ?? null]),
    c.product === null ? null : round(c.product),
  ]);
}

// ---------------------------------------------------------------------------------------------
// Beneficial owners replaced

/**
 * Beneficial-owners of one firm: owners (a natural person meeting a rule) that left while others
 * arrived are one OWNER_REPLACED change on the firm. The gone and new findings it names are not
 * listed again as gone and new; owners that stay keep their own changes (a share across 25%).
 */
function ownerReplacement(gone: Unit[], arrived: Unit[], earlier: Side, later: Side, current: (key: string) => string): { change: RunDiff['changedFindings'][number]; units: Set<Unit> } | null {
  const firm = later.envelope.about ?? earlier.envelope.about;
  if (!firm || later.envelope.analysis !== 'beneficial-owners') return null;
  const isOwner = (u: Unit) => u.findings.some((f) => f.facts.beneficialOwner === true);
  const left = gone.filter(isOwner);
  const came = arrived.filter(isOwner);
  if (left.length === 0 || came.length === 0) return null;
  const names = (units: Unit[]) => units.map((u) => u.subject.name).join('、');
  const shares = (units: Unit[], glue: string) => units.map((u) => `${u.subject.name} ${ratioText(u.findings[0]!.facts.effectiveRatio)}`).join(glue);
  const before = names(left);
  const after = names(came);
  return {
    units: new Set([...left, ...came]),
    change: {
      subject: { ...firm, key: current(firm.key) },
      changes: [
        {
          code: 'OWNER_REPLACED',
          field: current(firm.key),
          before,
          after,
          text: `${firm.name} 的受益所有人由 ${shares(left, '、')} 换为 ${shares(came, '、')} / the beneficial owners of ${firm.name} were replaced: ${shares(left, ', ')} gone, ${shares(came, ', ')} arrived`,
        },
      ],
    },
  };
}

function ratioText(value: FactValue | undefined): string {
  return typeof value === 'number' ? percentText(value) : '—';
}
