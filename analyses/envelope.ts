import { z } from 'zod';
import { relationshipTypeNames } from '../model/graph.ts';

/**
 * The one result shape of every analysis, shared by the CLI, the GraphQL API, the UI tables and
 * the report exports:
 *
 *   { analysis, params, ranAt, about, exhaustive, limitsHit, findings: [Finding] }
 *   Finding = { subject: {kind, key, name}, score, facts, evidence, exhaustive, limitsHit }
 *
 * - `subject` is what the finding is about, addressed by its domain key: a firm's USCC,
 *   registration number or unverified `U-…` key, a person's opaque `P-…` key (never an ID number).
 * - `score` ranks findings, higher first; each analysis's page in docs/analyses/ says what it is.
 * - `facts` are the figures of one table row: flat, each value a string, number, boolean, null or
 *   a list of strings, so a row flattens to spreadsheet columns without loss (see tabular.ts).
 * - `evidence` is why the finding holds, in one shape for all analyses (Evidence below).
 * - `exhaustive: false` with `limitsHit` says a cap stopped the search or the data has a gap that
 *   could change the finding: the answer is then a lower bound, never a negative finding.
 *
 * Evidence
 *   { chains: [Chain], chainsComplete, subgraph? }
 *   Chain = { kind, path: [EntityRef], edges: [EvidenceEdge], product }
 *     kind     'ownership' (holdings), 'control' (majority holdings and non-equity control),
 *              'role' (an office at the firm), 'family' (a family tie between two persons)
 *     path     the entities in order; edges[i] links path[i] to path[i+1], pointing the way the
 *              relationship points in the graph (holder → firm, officer → firm, person → relative);
 *              a route between two entities (kind 'path') that takes a relationship against its
 *              direction marks that edge `details.reversed: true`
 *     product  for ownership chains, the product of the edges' adjusted ratios (null when an edge's
 *              ratio is unknown); null for the other kinds
 *   EvidenceEdge = { type, ratio?, adjustedRatio?, role?, basis?, basisText?, validFrom?, validTo?, note? }
 *     ratio is the fraction as registered; adjustedRatio the one the computation used when it
 *     differs (a firm's own shares excluded from its denominator, or holdings summing to more than
 *     100% scaled down), with a note saying which.
 *   chainsComplete is false when more chains exist than are listed (the largest are listed first).
 *   subgraph { nodes: [EntityRef], edges: [EvidenceEdge & {source, target}] } holds every
 *   relationship on the holding walks behind a figure when those walks go round a cycle, which
 *   the simple chains cannot show.
 *
 * limitsHit entries: 'depth' (holdings continue beyond maxDepth), 'nodes' (maxNodes entities
 * reached), 'fanOut:<key>' (that entity has more relationships than fanOut; the largest were
 * followed — the hub cap), 'time' (timeoutMs passed), 'unknownRatio' (a holding on the way has no
 * ratio in the data, so the effective ratio is a lower bound), 'convergence' (the iterative solver
 * stopped before reaching its tolerance).
 */

/** Firms and persons are what findings are mostly about; the other kinds appear on paths and as cluster subjects. */
export const entityKinds = ['COMPANY', 'PERSON', 'ADDRESS', 'PHONE', 'EMAIL', 'WEBSITE', 'LIST_ENTRY', 'APPROVAL', 'CHANGE_RECORD', 'BO_FILING', 'REGION'] as const;
export const entityKind = z.enum(entityKinds);
export type EntityKind = z.infer<typeof entityKind>;

export const entityRef = z.object({ kind: entityKind, key: z.string(), name: z.string() });
export type EntityRef = z.infer<typeof entityRef>;

export const relationshipType = z.enum(relationshipTypeNames as [string, ...string[]]);

export const evidenceEdge = z.object({
  type: relationshipType,
  ratio: z.number().nullable().optional(),
  adjustedRatio: z.number().optional(),
  role: z.string().optional(),
  basis: z.string().optional(),
  basisText: z.string().optional(),
  validFrom: z.string().optional(),
  validTo: z.string().optional(),
  note: z.string().optional(),
  /** The relationship's own figures as imported: list type, case number, amount, member type, reasons … */
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())])).optional(),
});
export type EvidenceEdge = z.infer<typeof evidenceEdge>;

/**
 * ownership, control, role, family: as in beneficial owners. listing: an entity → its ListEntry
 * (FLAGGED). membership: member/agent → venue. branch: branch → head office. contact: two entities
 * through a shared address, phone, email or website. approval: venue → Approval. change: firm →
 * ChangeRecord. filing: firm → BOFiling. path: a route between two entities through any of these
 * (paths, common controllers). sameAs: an unconfirmed same-person candidate (a hint, never counted).
 */
export const chainKinds = ['ownership', 'control', 'role', 'family', 'listing', 'membership', 'branch', 'contact', 'approval', 'change', 'filing', 'path', 'sameAs'] as const;

export const chain = z.object({
  kind: z.enum(chainKinds),
  path: z.array(entityRef).min(1),
  edges: z.array(evidenceEdge),
  product: z.number().nullable(),
});
export type Chain = z.infer<typeof chain>;

export const subgraph = z.object({
  nodes: z.array(entityRef),
  edges: z.array(evidenceEdge.extend({ source: z.string(), target: z.string() })),
});
export type Subgraph = z.infer<typeof subgraph>;

export const evidence = z.object({
  chains: z.array(chain),
  chainsComplete: z.boolean(),
  subgraph: subgraph.optional(),
});
export type Evidence = z.infer<typeof evidence>;

export const factValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);
export type FactValue = z.infer<typeof factValue>;

export const finding = z.object({
  subject: entityRef,
  score: z.number().nullable(),
  facts: z.record(z.string(), factValue),
  evidence,
  exhaustive: z.boolean(),
  limitsHit: z.array(z.string()),
});
export type Finding = z.infer<typeof finding>;

const listTypeCount = { listType: z.string(), code: z.string().nullable(), entries: z.number(), flags: z.number() };

/**
 * What a screen that selects by list type counted (analyses/listTypes.ts): the vocabulary version it
 * resolved the data's list types with, the types it counted, and every type present in the data it
 * did not count (with its meaning — 'unknown' for a spelling the vocabulary does not know — and the
 * spellings as given), each with its list entries and FLAGGED links.
 */
export const listTypeUse = z.object({
  vocabularyVersion: z.number(),
  vocabularySource: z.enum(['database', 'shipped']),
  counted: z.array(z.object(listTypeCount)),
  notCounted: z.array(z.object({ ...listTypeCount, meaning: z.enum(['flagging', 'disclosure', 'context', 'unknown']), spellings: z.array(z.string()) })),
});
export type ListTypeUse = z.infer<typeof listTypeUse>;

/** The version of the keyword lists a screen that uses them ran with (keyword-screen, unapproved-changes). */
export const keywordListUse = z.object({
  vocabularyVersion: z.number(),
  vocabularySource: z.enum(['database', 'shipped']),
});
export type KeywordListUse = z.infer<typeof keywordListUse>;

export const envelope = z.object({
  analysis: z.string(),
  params: z.record(z.string(), z.unknown()),
  ranAt: z.string(),
  /** The entity the analysis ran on, as resolved from the parameters (a name becomes its key). */
  about: entityRef.nullable(),
  exhaustive: z.boolean(),
  limitsHit: z.array(z.string()),
  findings: z.array(finding),
  /** Screens that select by list type: which types counted, which present did not, and the vocabulary version. */
  listTypes: listTypeUse.optional(),
  /** Screens that use the keyword lists: the version of the lists they ran with. */
  keywordLists: keywordListUse.optional(),
});
export type Envelope = z.infer<typeof envelope>;

/**
 * One of several entities a name may mean: `identifier` is a firm's USCC or registration number or
 * a person's masked ID number; `note` a firm's status, or a firm a person is linked to.
 */
export type Candidate = EntityRef & { identifier: string | null; note: string | null };

/** Errors an analysis means to show; the server and CLI turn them into their own messages. */
export class AnalysisError extends Error {
  constructor(
    readonly code: 'NOT_FOUND' | 'AMBIGUOUS' | 'BAD_PARAMS' | 'UNKNOWN_ANALYSIS',
    message: string,
    readonly candidates: Candidate[] = [],
  ) {
    super(message);
  }
}

/**
 * A node as the .cypher files return it — `n {.key, .name, .text, .listType, .caseNo, .documentNo,
 * .item, .ownerName, .code, .fullName, labels: labels(n)}`, any subset — as an EntityRef. The name
 * is what a reader recognises the node by: a firm's or person's name, an address's text, a list
 * entry's type and case number.
 */
export interface NodeRow {
  labels: string[];
  key?: string | null;
  code?: string | null;
  name?: string | null;
  text?: string | null;
  listType?: string | null;
  caseNo?: string | null;
  documentNo?: string | null;
  item?: string | null;
  ownerName?: string | null;
  fullName?: string | null;
}

const kindByLabel: [string, EntityKind][] = [
  ['Company', 'COMPANY'],
  ['Person', 'PERSON'],
  ['Address', 'ADDRESS'],
  ['Phone', 'PHONE'],
  ['Email', 'EMAIL'],
  ['Website', 'WEBSITE'],
  ['ListEntry', 'LIST_ENTRY'],
  ['Approval', 'APPROVAL'],
  ['ChangeRecord', 'CHANGE_RECORD'],
  ['BOFiling', 'BO_FILING'],
  ['Region', 'REGION'],
];

export function toEntityRef(row: NodeRow): EntityRef {
  const kind = kindByLabel.find(([label]) => row.labels.includes(label))?.[1];
  if (!kind) throw new TypeError(`no entity kind for labels ${row.labels.join(':')}`);
  const key = row.key ?? row.code;
  if (!key) throw new TypeError(`${kind} without a key`);
  const name =
    kind === 'LIST_ENTRY'
      ? [row.listType, row.caseNo].filter(Boolean).join(' ') || row.name || key
      : (row.name ?? row.text ?? row.documentNo ?? row.item ?? row.ownerName ?? row.fullName ?? key);
  return { kind, key, name };
}

/** The envelope of a run: exhaustive exactly when no limit was hit. */
export function envelopeOf(analysis: string, params: Record<string, unknown>, ranAt: string, about: EntityRef | null, limitsHit: Iterable<string>, findings: Finding[]): Envelope {
  const limits = sortedLimits(limitsHit);
  return { analysis, params, ranAt, about, exhaustive: limits.length === 0, limitsHit: limits, findings };
}

/** The last tie-breaker of every ranking: the subject's name in Chinese order, then its key. */
export function bySubject(a: Finding, b: Finding): number {
  return a.subject.name.localeCompare(b.subject.name, 'zh') || a.subject.key.localeCompare(b.subject.key);
}

/** Limits sorted so envelopes compare and diff stably between runs. */
export function sortedLimits(limits: Iterable<string>): string[] {
  return [...new Set(limits)].sort();
}

/** Dates leave the analyses as 'YYYY-MM-DD' (cypher/values.ts); absent ones are left out of edges. */
export function edgeDates(validFrom: unknown, validTo: unknown): Pick<EvidenceEdge, 'validFrom' | 'validTo'> {
  return {
    ...(typeof validFrom === 'string' ? { validFrom } : {}),
    ...(typeof validTo === 'string' ? { validTo } : {}),
  };
}

/**
 * The entries of a list a user gave (`params.entries`, as list-xref takes) that no finding
 * answers: each finding names its entry in the `input` fact. Exports add them as "未找到 / not
 * found" rows (the findings are entities), so "no match" never reads as "not checked". Empty for
 * an analysis that takes no list.
 */
export function unmatchedEntries(envelope: Envelope): string[] {
  const matched = new Set(envelope.findings.map((f) => f.facts.input));
  return ((envelope.params.entries as string[] | undefined) ?? []).filter((e) => !matched.has(e));
}
