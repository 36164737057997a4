import { z } from 'zod';
import type { Graph, Row } from '../../cypher/run.ts';
import { int } from '../../cypher/values.ts';
import { relationshipTypes, type RelationshipTypeSpec } from '../../model/graph.ts';
import { maskedCompatible } from '../../model/identifiers/residentId.ts';
import type { PassFinding, RunPass } from './index.ts';
import { propertyList, propertyMap, sortedProperties, typedProperty, type TypedProperty } from './typedProperties.ts';

/**
 * One person per firm. A firm's registration names its legal representative by name only; its
 * officers file names the same person with an ID number. The importer keys the first to the firm
 * (no full number: never an identity) and the second by the number, so one person became two.
 *
 * Within one firm, a mention without a full ID number (a person scoped to the firm: name only, or a
 * masked number) is the person of that name named in the same firm with a full number — holding
 * shares, a role, control, or filed as beneficial owner — when exactly one such person fits (a
 * masked number must agree with the full one wherever it shows a digit). Two fitting persons (two
 * different full numbers) leave the mention apart, proposed as possibly the same as each. Nothing is
 * merged across firms on a name, and two persons with full numbers are never merged.
 *
 * A merge moves every relationship of the mention onto the survivor (a relationship that is the
 * same fact — same type, other end and role or basis — is united with the survivor's, provenance
 * joined), keeps the mention's key as an alias of the survivor (analyses/currentKeys.cypher), and is
 * recorded (a PersonMerge node with the mention's properties and what went where, typed) so that
 * retracting any run it rests on splits the person back exactly (`splitPersonMergesOfRun`).
 * Resolution looks at whole firms, whatever run named their people, so files loaded in either
 * order give the same graph; each firm's merges are checked again whenever the firm is (a second
 * person of the name makes an earlier merge ambiguous, and it is split).
 */

/** Firms per write transaction: a merge is a few statements, and a firm has few people. */
export const PERSON_RESOLUTION_BATCH_FIRMS = 200;
const PAGE = 1000;

export type PersonResolutionScope =
  /** Every firm with a person scoped to it or a merge on record: the migration of an existing store. */
  | { scope: 'all' }
  /** The firms of the persons a run's rows named (the pass after an import). */
  | { scope: 'run'; prefix: string }
  /** The firms given (after a retract: the firms the run touched and those of the merges split). */
  | { scope: 'firms'; firmKeys: string[] };

export interface PersonResolutionOptions {
  /** Who resolves: the run id, `retract:RUN`, or a migration's name; names the merges and proposals. */
  by?: string;
  /** A finding is located at the mention's row of this run ('runId/') when it has one. */
  prefix?: string;
  batchFirms?: number;
}

export interface PersonResolution {
  /** One PERSON_RESOLVED per merge, one PERSON_SPLIT per key whose merge no longer holds. */
  findings: PassFinding[];
  merged: number;
  /** Earlier merges split back because their firm now names several persons who fit. */
  split: number;
  /** Possibly-the-same proposals written for mentions with several fitting persons. */
  proposed: number;
}

interface ScopedMention {
  key: string;
  name: string;
  normalizedName: string;
  idMasked: string | null;
  idKind: string | null;
  idInvalid: boolean | null;
  /** Firms other than this one the mention is linked to: not one firm's mention then. */
  otherFirms: number;
  /** Same-name persons recorded as not the same (a rejected proposal, a family tie). */
  excluded: string[];
}

interface IdentifiedPerson {
  key: string;
  name: string;
  normalizedName: string;
  idNumber: string;
  idMasked: string | null;
}

interface MergeRef {
  key: string;
  fromKey: string;
  intoKey: string;
  name: string;
  normalizedName: string;
  fromIdMasked: string | null;
  excludedKeys: string[] | null;
}

interface FirmPlan {
  firmKey: string;
  firmName: string;
  scoped: ScopedMention[];
  identified: IdentifiedPerson[];
  merges: MergeRef[];
}

/** The record of one relationship of the person merged away, in PersonMerge.moved. */
const movedRelationship = z.object({
  type: z.string(),
  /** The merged-away person was the start. */
  out: z.boolean(),
  otherLabel: z.string(),
  otherKey: z.string(),
  /** The distinguishing properties (an officer's role, a control's basis). */
  disc: z.record(z.string(), z.unknown()),
  props: z.array(typedProperty),
  /** created on the survivor, united with the survivor's existing one, or dropped (a link between the two). */
  onto: z.enum(['created', 'existing', 'dropped']),
  /** The survivor is the start of its relationship (null when dropped). */
  pOut: z.boolean().nullable(),
  /** Provenance entries the survivor's relationship gained. */
  provAdded: z.array(z.string()),
  /** Properties the survivor's relationship lacked and took from this one. */
  filled: z.array(typedProperty),
});
type MovedRelationship = z.infer<typeof movedRelationship>;

const movedRecord = z.object({
  node: z.object({ provAdded: z.array(z.string()), filled: z.array(typedProperty) }),
  rels: z.array(movedRelationship),
  filings: z.array(z.string()),
});

/** Labels of the entities a person's relationship can end at, each with a unique `key`. */
const KEYED_LABELS = ['Company', 'Person', 'ListEntry', 'Phone', 'Email'] as const;
/** Node properties the survivor never takes from the mention: its own identity. */
const OWN_PROPERTIES = new Set(['key', 'provenance']);

/** Relationship type → the properties telling two of its kind apart (model/graph.ts distinguishedBy). */
const DISTINGUISHED_BY: Record<string, readonly string[]> = Object.fromEntries(
  Object.values(relationshipTypes as Readonly<Record<string, RelationshipTypeSpec>>)
    .filter((t) => t.distinguishedBy)
    .map((t) => [t.type, t.distinguishedBy!]),
);

/**
 * A mention the rule can decide: no number at all or a masked resident ID number. An unreadable
 * number or another document (a passport) cannot be compared with a resident ID: left apart.
 */
function decidable(s: ScopedMention): boolean {
  return s.otherFirms === 0 && !s.idInvalid && (s.idKind === null || s.idKind === 'resident-id-masked');
}

/** The identified persons of the firm a mention may be: same name, number not contradicting, not excluded. */
export function fittingPersons<P extends { key: string; normalizedName: string; idNumber: string }>(
  mention: { normalizedName: string; idMasked: string | null; excluded: readonly string[] },
  identified: readonly P[],
): P[] {
  return identified.filter(
    (p) =>
      p.normalizedName === mention.normalizedName &&
      !mention.excluded.includes(p.key) &&
      (mention.idMasked === null || maskedCompatible(mention.idMasked, p.idNumber)),
  );
}

function provenanceOf(props: TypedProperty[]): string[] {
  const entry = props.find((p) => p.k === 'provenance');
  return Array.isArray(entry?.v) ? (entry.v as string[]) : [];
}

function reasonText(s: ScopedMention, p: IdentifiedPerson, firm: { firmKey: string; firmName: string }): string {
  const maskZh = s.idMasked ? `，证件号码 ${s.idMasked}` : '，无证件号码';
  const maskEn = s.idMasked ? ` with the masked ID number ${s.idMasked}` : ' by name only';
  return (
    `企业“${firm.firmName}”（${firm.firmKey}）记载的“${s.name}”（${s.key}${maskZh}）与该企业中唯一证件号码不矛盾的同名人员` +
    `（${p.key}，证件号码 ${p.idMasked ?? ''}）为同一人，已合并；原标识 ${s.key} 仍指向此人` +
    ` / "${s.name}" named in ${firm.firmName} (${firm.firmKey})${maskEn} (${s.key}) is the one person of that name in the firm` +
    ` whose full ID number (${p.idMasked ?? ''}) does not contradict it (${p.key}): merged; the old key ${s.key} still leads to this person`
  );
}

function splitText(m: MergeRef, firm: { firmKey: string; firmName: string }, fit: IdentifiedPerson[]): string {
  const keys = fit.map((p) => `${p.key}（${p.idMasked ?? ''}）`).join('、');
  const keysEn = fit.map((p) => `${p.key} (${p.idMasked ?? ''})`).join(', ');
  return (
    `企业“${firm.firmName}”（${firm.firmKey}）记载的“${m.name}”（${m.fromKey}）原已与 ${m.intoKey} 合并；该企业现有 ${fit.length} 名证件号码不矛盾的同名人员` +
    `${fit.length > 0 ? `：${keys}` : ''}，已拆回为单独的人员${fit.length > 1 ? '，并提议为疑似同一人' : ''}` +
    ` / "${m.name}" named in ${firm.firmName} (${firm.firmKey}) (${m.fromKey}) had been merged into ${m.intoKey}; the firm now names ${fit.length}` +
    ` persons of that name whose full ID numbers fit${fit.length > 0 ? `: ${keysEn}` : ''}: split back apart${fit.length > 1 ? ', proposed as possibly the same' : ''}`
  );
}

type Run = (name: string, params: Record<string, unknown>) => Promise<Row[]>;

interface MergePlanRow {
  fromProps: TypedProperty[];
  intoKeys: string[];
  intoProvenance: string[] | null;
  intoIdMasked: string | null;
  intoIdentified: boolean;
  rels: {
    id: string;
    type: string;
    out: boolean;
    otherId: string;
    otherLabels: string[];
    otherKey: string | null;
    otherIdentified: boolean;
    props: TypedProperty[];
    onto: { id: string; out: boolean; keys: string[]; provenance: string[] | null } | null;
  }[];
  filings: string[];
  evidence: string[];
}

/** Merges one mention into the one person it fits; returns the finding, or null when it cannot be recorded. */
async function mergeMention(run: Run, s: ScopedMention, p: IdentifiedPerson, firm: FirmPlan, by: string, prefix: string | undefined): Promise<PassFinding | null> {
  const [plan] = (await run('passes/persons/mergePlan', { fromKey: s.key, intoKey: p.key, firmKey: firm.firmKey, distinguishedBy: DISTINGUISHED_BY })) as unknown as MergePlanRow[];
  if (!plan) return null;
  const fromProps = sortedProperties(plan.fromProps);
  const fromProvenance = provenanceOf(fromProps);
  const intoKeys = new Set(plan.intoKeys);
  const intoProvenance = new Set(plan.intoProvenance ?? []);
  const nodeFilled = fromProps.filter((e) => !OWN_PROPERTIES.has(e.k) && !intoKeys.has(e.k));
  const nodeProvAdded = fromProvenance.filter((e) => !intoProvenance.has(e));

  const rels: MovedRelationship[] = [];
  const updates: { id: string; fill: { k: string; v: unknown }[]; provAdded: string[] }[] = [];
  const creates: { otherId: string; type: string; out: boolean; props: Record<string, unknown> }[] = [];
  for (const r of plan.rels) {
    const otherLabel = KEYED_LABELS.find((l) => r.otherLabels.includes(l));
    // What cannot be found again by key cannot be split back: the mention stays apart.
    if (!otherLabel || !r.otherKey) return null;
    const props = sortedProperties(r.props);
    const provenance = provenanceOf(props);
    const disc = Object.fromEntries((DISTINGUISHED_BY[r.type] ?? []).map((k) => [k, props.find((e) => e.k === k)?.v ?? null]));
    const base = { type: r.type, out: r.out, otherLabel, otherKey: r.otherKey, disc, props };
    const betweenThem = otherLabel === 'Person' && r.otherKey === p.key;
    // Two persons with full, different numbers are two people: no proposal between them.
    const idPair = r.type === 'POSSIBLY_SAME_AS' && r.otherIdentified && plan.intoIdentified;
    if (betweenThem || idPair) {
      rels.push({ ...base, onto: 'dropped', pOut: null, provAdded: [], filled: [] });
    } else if (r.onto) {
      const has = new Set(r.onto.keys);
      const ontoProvenance = new Set(r.onto.provenance ?? []);
      const filled = props.filter((e) => e.k !== 'provenance' && !has.has(e.k));
      const provAdded = provenance.filter((e) => !ontoProvenance.has(e));
      rels.push({ ...base, onto: 'existing', pOut: r.onto.out, provAdded, filled });
      updates.push({ id: r.onto.id, fill: propertyList(filled), provAdded });
    } else {
      // A proposal runs from the smaller key to the larger, as proposeSamePersons writes it.
      const pOut = r.type === 'POSSIBLY_SAME_AS' ? p.key < r.otherKey : r.out;
      rels.push({ ...base, onto: 'created', pOut, provAdded: provenance, filled: [] });
      creates.push({ otherId: r.otherId, type: r.type, out: pOut, props: propertyMap(props) });
    }
  }

  // In an order of their own, not the database's: a bulk-loaded store records the same merge alike.
  const order = (r: MovedRelationship) => JSON.stringify([r.type, r.otherLabel, r.otherKey, r.out, r.disc]);
  rels.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
  const reason = reasonText(s, p, firm);
  const provenance = [...new Set([...fromProvenance, ...rels.flatMap((r) => provenanceOf(r.props)), ...[...plan.evidence].sort()])];
  const record = {
    key: `${s.key}>${p.key}@${by}`,
    provenance,
    fromKey: s.key,
    intoKey: p.key,
    firmKey: firm.firmKey,
    name: s.name,
    normalizedName: s.normalizedName,
    fromIdMasked: s.idMasked,
    excludedKeys: [...s.excluded].sort(),
    madeBy: by,
    reason,
    fromProps: JSON.stringify(fromProps),
    moved: JSON.stringify({ node: { provAdded: nodeProvAdded, filled: nodeFilled }, rels, filings: plan.filings }),
  };
  await run('passes/persons/merge', {
    fromKey: s.key,
    intoKey: p.key,
    nodeFill: propertyList(nodeFilled),
    nodeProvAdded,
    updates,
    creates,
    filings: plan.filings,
    record,
  });
  // Located at a row of the run that made the merge: the mention's, else the survivor's in the firm.
  const ofRun = (entries: string[]) => (prefix ? entries.find((e) => e.startsWith(prefix)) : undefined);
  const prov = ofRun(fromProvenance) ?? ofRun([...plan.evidence].sort()) ?? fromProvenance[0] ?? '';
  return { code: 'PERSON_RESOLVED', prov, column: 'name', value: s.name, detail: reason };
}

/**
 * Splits back every merge of the given merged-away keys, latest first; returns how many, and the
 * provenance entries of each key restored (where a finding about it is located).
 */
async function splitMerges(run: Run, fromKeys: string[]): Promise<{ split: number; restored: Map<string, string[]> }> {
  const rows = (await run('passes/persons/mergesOf', { fromKeys })) as { merge: { key: string; fromKey: string; intoKey: string; fromProps: string; moved: string } }[];
  const restored = new Map<string, string[]>();
  for (const { merge } of rows) {
    const fromProps = z.array(typedProperty).parse(JSON.parse(merge.fromProps));
    restored.set(merge.fromKey, [...new Set([...(restored.get(merge.fromKey) ?? []), ...provenanceOf(fromProps)])]);
    const moved = movedRecord.parse(JSON.parse(merge.moved));
    await run('passes/persons/split', {
      key: merge.key,
      fromKey: merge.fromKey,
      intoKey: merge.intoKey,
      fromProps: propertyList(fromProps),
      fromProvenance: provenanceOf(fromProps),
      nodeProvAdded: moved.node.provAdded,
      nodeFilled: propertyList(moved.node.filled),
      rels: moved.rels.map((r) => ({
        type: r.type,
        out: r.out,
        pOut: r.pOut,
        otherLabel: r.otherLabel,
        otherKey: r.otherKey,
        disc: r.disc,
        props: propertyMap(r.props),
        onto: r.onto,
        provAdded: r.provAdded,
        filled: propertyList(r.filled),
      })),
      filings: moved.filings,
    });
  }
  return { split: rows.length, restored };
}

/** Resolves one batch of firms in one write transaction (which the driver may run again: no state outside it). */
async function resolveBatch(graph: Graph, firmKeys: string[], by: string, prefix: string | undefined): Promise<PersonResolution> {
  return graph.inWriteTransaction(async (run) => {
    const outcome: PersonResolution = { findings: [], merged: 0, split: 0, proposed: 0 };
    let plans = (await run('passes/persons/firmPlan', { firmKeys })) as unknown as FirmPlan[];

    // An earlier merge holds while its firm names exactly its survivor among the persons who fit.
    const undone = new Map<string, { firm: FirmPlan; merge: MergeRef; fit: IdentifiedPerson[] }>();
    for (const plan of plans) {
      for (const m of plan.merges) {
        const fit = fittingPersons({ normalizedName: m.normalizedName, idMasked: m.fromIdMasked, excluded: m.excludedKeys ?? [] }, plan.identified);
        if (fit.length !== 1 || fit[0]!.key !== m.intoKey) undone.set(m.fromKey, { firm: plan, merge: m, fit });
      }
    }
    if (undone.size > 0) {
      const { split, restored } = await splitMerges(run, [...undone.keys()].sort());
      outcome.split += split;
      for (const [fromKey, { firm, merge, fit }] of [...undone.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
        const entries = restored.get(fromKey) ?? [];
        const prov = (prefix ? entries.find((e) => e.startsWith(prefix)) : undefined) ?? entries[0] ?? '';
        outcome.findings.push({ code: 'PERSON_SPLIT', prov, column: 'name', value: merge.name, detail: splitText(merge, firm, fit) });
      }
      plans = (await run('passes/persons/firmPlan', { firmKeys })) as unknown as FirmPlan[];
    }

    const pairs: { first: string; second: string; reasons: string[] }[] = [];
    for (const plan of plans) {
      for (const s of plan.scoped) {
        if (!decidable(s)) continue;
        const fit = fittingPersons(s, plan.identified);
        if (fit.length === 1) {
          const finding = await mergeMention(run, s, fit[0]!, plan, by, prefix);
          if (finding) {
            outcome.findings.push(finding);
            outcome.merged++;
          }
        } else {
          for (const p of fit) {
            const [first, second] = s.key < p.key ? [s.key, p.key] : [p.key, s.key];
            pairs.push({ first, second, reasons: s.idMasked ? ['compatible-id', 'shared-firm'] : ['shared-firm'] });
          }
        }
      }
    }
    if (pairs.length > 0) {
      const [row] = await run('passes/persons/propose', { pairs, by });
      outcome.proposed += Number(row?.proposals ?? 0);
    }
    return outcome;
  });
}

/** Pages of firm keys: those of the persons a run named, or of every scoped person and merge on record. */
async function* firmsInScope(graph: Graph, scope: PersonResolutionScope): AsyncGenerator<string[]> {
  if (scope.scope === 'firms') {
    yield scope.firmKeys;
    return;
  }
  const pages: [string, Record<string, unknown>][] = [['passes/persons/personFirms', { prefix: scope.scope === 'run' ? scope.prefix : null }]];
  if (scope.scope === 'all') pages.push(['passes/persons/mergeFirms', {}]);
  for (const [query, params] of pages) {
    let after = '';
    for (;;) {
      const rows = await graph.read<{ key: string; firms: string[] }>(query, { ...params, after, limit: int(PAGE) });
      if (rows.length > 0) after = rows[rows.length - 1]!.key;
      yield rows.flatMap((r) => r.firms);
      if (rows.length < PAGE) break;
    }
  }
}

/**
 * Resolves mentions of one person in one firm into that person, over the firms of the scope, in
 * batches of firms (one write transaction each), so that it runs over a store of a million firms.
 * Exported for the migration that resolves the pairs an existing store already holds:
 * `resolvePersonsInFirms(graph, { scope: 'all' }, { by: 'migration-…' })`.
 */
export async function resolvePersonsInFirms(graph: Graph, scope: PersonResolutionScope, options: PersonResolutionOptions = {}): Promise<PersonResolution> {
  const by = options.by ?? (scope.scope === 'run' ? scope.prefix.replace(/\/$/, '') : 'whole-graph');
  const batchSize = options.batchFirms ?? PERSON_RESOLUTION_BATCH_FIRMS;
  const result: PersonResolution = { findings: [], merged: 0, split: 0, proposed: 0 };
  const seen = new Set<string>();
  let pending: string[] = [];
  const flush = async () => {
    const keys = pending.sort();
    pending = [];
    const outcome = await resolveBatch(graph, keys, by, options.prefix);
    result.findings.push(...outcome.findings);
    result.merged += outcome.merged;
    result.split += outcome.split;
    result.proposed += outcome.proposed;
  };
  for await (const firms of firmsInScope(graph, scope)) {
    for (const firm of firms) {
      if (seen.has(firm)) continue;
      seen.add(firm);
      pending.push(firm);
      if (pending.length >= batchSize) await flush();
    }
  }
  if (pending.length > 0) await flush();
  return result;
}

/** The firms linked to the persons a run's rows named: where a retract of the run may change who is one person. */
export async function personFirmsOfRun(graph: Graph, prefix: string): Promise<string[]> {
  const firms = new Set<string>();
  for await (const page of firmsInScope(graph, { scope: 'run', prefix })) for (const f of page) firms.add(f);
  return [...firms].sort();
}

/**
 * Before a run is retracted: splits back every merge that rests on it (and every other merge of the
 * same keys, which rests on those), latest first, so that the retract removes exactly what the run
 * wrote. Returns the firms of those merges, to be resolved again once the retract is done.
 */
export async function splitPersonMergesOfRun(graph: Graph, prefix: string): Promise<{ split: number; firmKeys: string[] }> {
  const [found] = await graph.read<{ fromKeys: string[]; firmKeys: string[] }>('passes/persons/runMerges', { prefix });
  const fromKeys = [...(found?.fromKeys ?? [])].sort();
  let split = 0;
  for (let i = 0; i < fromKeys.length; i += PERSON_RESOLUTION_BATCH_FIRMS) {
    const chunk = fromKeys.slice(i, i + PERSON_RESOLUTION_BATCH_FIRMS);
    split += (await graph.inWriteTransaction((run) => splitMerges(run, chunk))).split;
  }
  return { split, firmKeys: [...(found?.firmKeys ?? [])].sort() };
}

/** The pass after every import run: resolves the firms of the persons the run named. */
export const resolvePersonsPass: RunPass = {
  name: 'resolvePersons',
  async run(graph, ctx) {
    const { findings, merged, split } = await resolvePersonsInFirms(graph, { scope: 'run', prefix: ctx.prefix }, { by: ctx.runId, prefix: ctx.prefix });
    return { findings, counts: { personsResolved: merged, personMergesSplit: split } };
  },
};
