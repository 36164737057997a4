/**
 * Imports a Beneficial Ownership Data Standard file (a JSON array of 0.4 or 0.3 statements) into
 * the graph: entities as firms, persons as persons, direct interests as holdings or control,
 * declared indirect interests as filings (see mapping.ts for the rules).
 *
 * The file is streamed three times, so its size does not matter: pass 1 checks every statement
 * and collects, per record, its key and which statement is the latest (small); pass 2 writes the
 * firms and persons; pass 3 writes the relationships, whose ends are then all in the graph
 * wherever they stood in the file, and finally ends what later statements superseded.
 *
 * Rows: a statement's row is its 1-based position in the array plus 1 (row 2 is the first
 * statement), as in a spreadsheet whose row 1 is the header; row 1 is the file itself. Rejects
 * and provenance entries ('runId/fileNo:row') use these rows.
 */
import fs from 'node:fs';
import { streamArray } from 'stream-json/streamers/stream-array.js';
import type { Graph } from '../../cypher/run.ts';
import { dateParam } from '../../cypher/values.ts';
import type { FirmKey, PersonKey } from '../../model/keys.ts';
import type { Reject } from '../rejects.ts';
import { generations } from '../kinds/writeParties.ts';
import {
  bodsPersonKey,
  currentInterest,
  entityKey,
  entityName,
  entityProps,
  filingKey,
  interestProps,
  interestTarget,
  keyRank,
  personName,
  personProps,
  type InterestTarget,
} from './mapping.ts';
import {
  parseStatement,
  shortValue,
  type BodsEntity,
  type BodsInterest,
  type BodsNamedRef,
  type BodsPerson,
  type BodsStatement,
  type ParsedStatement,
} from './statements.ts';

export interface BodsImportContext {
  runId: string;
  fileNo: number;
  /** The file name as shown to the clerk in the rejects file. */
  fileLabel: string;
  /** Secret for person keys (model/keys.ts). */
  secret: string;
  rejects: { add(reject: Reject): void };
  batchSize?: number;
  /**
   * Parties known from earlier files of the same run. Pass one map to every file of a run and a
   * relationship may name an entity or person stated in an earlier file; without it, each file
   * must state the parties its relationships name.
   */
  parties?: BodsParties;
}

export interface BodsImportSummary {
  /** Statements in the file. */
  read: number;
  /** Statements that reached the graph. */
  written: number;
  /** Statements rejected (one reject each, naming the first fault). */
  rejected: number;
  /** Valid statements with nothing to write: a relationship whose interested party or subject is unspecified. */
  skipped: number;
}

export interface BodsParty {
  kind: 'entity' | 'person';
  key: string;
  name: string;
}

export type BodsParties = Map<string, BodsParty>;

/** One statement as read from the source, checked, at its 0-based position. */
export interface SourceStatement {
  index: number;
  parsed: ParsedStatement;
}

/** A source can be read more than once (each call starts again from the top). */
export type StatementSource = () => AsyncIterable<SourceStatement>;

/** Whether a file's first array element looks like a BODS statement (0.4 or 0.3). */
export function isBodsFile(firstValue: unknown): boolean {
  if (firstValue === null || typeof firstValue !== 'object' || Array.isArray(firstValue)) return false;
  const o = firstValue as Record<string, unknown>;
  return (typeof o.statementId === 'string' && typeof o.recordType === 'string') || (typeof o.statementID === 'string' && typeof o.statementType === 'string');
}

/** The file's opening text, without the byte-order mark and leading blanks (to tell an array from an object). */
async function opening(file: string): Promise<string> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const buffer = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString('utf8').replace(/^[\s\uFEFF]+/, '');
  } finally {
    await handle.close();
  }
}

// A single statement saved on its own is small; anything bigger that is not an array is not BODS.
const LONE_STATEMENT_MAX_BYTES = 1 << 20;

export class BodsFileError extends Error {
  readonly code = 'BODS_FILE_UNREADABLE';
  constructor(readonly file: string, cause: unknown) {
    super(`BODS 文件不是有效的 JSON，未导入任何内容 / the BODS file is not valid JSON; nothing was imported: ${file}: ${(cause as Error).message}`);
  }
}

/**
 * The first element of a JSON file's top-level array, or the top-level value when it is not an
 * array (so a single statement saved on its own is still recognised, then rejected), for isBodsFile.
 */
export async function peekFirstValue(file: string): Promise<unknown> {
  if (!(await opening(file)).startsWith('[')) {
    if ((await fs.promises.stat(file)).size > LONE_STATEMENT_MAX_BYTES) return undefined;
    try {
      return JSON.parse(await fs.promises.readFile(file, 'utf8')) as unknown;
    } catch {
      return undefined;
    }
  }
  const stream = fs.createReadStream(file).pipe(streamArray.withParserAsStream());
  try {
    for await (const item of stream) return (item as { value: unknown }).value;
    return undefined;
  } finally {
    stream.destroy();
  }
}

function fileSource(file: string): StatementSource {
  return async function* () {
    const stream = fs.createReadStream(file).pipe(streamArray.withParserAsStream());
    for await (const item of stream) {
      const { key, value } = item as { key: number; value: unknown };
      yield { index: key, parsed: parseStatement(value) };
    }
  };
}

/**
 * Imports one BODS file. A file that is not a JSON array is refused whole (one reject, row 1);
 * a file that is not valid JSON throws BodsFileError before anything is written (the statements
 * are all read once before the first write).
 */
export async function importBodsFile(graph: Graph, file: string, ctx: BodsImportContext): Promise<BodsImportSummary> {
  const start = await opening(file);
  if (!start.startsWith('[')) {
    ctx.rejects.add({ file: ctx.fileLabel, sheet: null, row: 1, column: '$', value: shortValue(start), code: 'BODS_STATEMENT_INVALID' });
    return { read: 0, written: 0, rejected: 1, skipped: 0 };
  }
  return importStatements(graph, fileSource(file), ctx);
}

// ---------------------------------------------------------------------------------------------

interface Seen {
  index: number;
  date: string;
}

const later = (a: Seen, b: Seen) => a.date > b.date || (a.date === b.date && a.index > b.index);

interface PartyRecord {
  kind: 'entity' | 'person';
  key: FirmKey | PersonKey;
  latest: Seen;
  name: string;
}

/** What pass 1 learns: small, one entry per statement and per record, never the statements' details. */
class FileIndex {
  readonly rejected = new Set<number>();
  /** 0.3 ids in this file, and what those that replace others replace. */
  readonly ids03 = new Set<string>();
  readonly replaces = new Map<string, string[]>();
  /** 0.3 party statement id → record id: 0.3 references name statements, 0.4 ones name records. */
  readonly statementRecord = new Map<string, string>();
  readonly parties = new Map<string, PartyRecord>();
  /** Relationship record id → its latest statement here. */
  readonly relationships = new Map<string, { latest: Seen }>();

  /** 0.3 has no record ids: a statement's record is the first statement of its replacement chain. */
  recordOf(s: { version: BodsStatement['version']; statementId: string; recordId: string }): string {
    if (s.version === '0.4') return s.recordId;
    let id = s.statementId;
    const visited = new Set([id]);
    for (;;) {
      const previous = this.replaces.get(id)?.[0];
      if (previous === undefined || visited.has(previous)) return id;
      // A statement replaced from an earlier file is taken as its record's first statement.
      if (!this.ids03.has(previous)) return previous;
      visited.add(previous);
      id = previous;
    }
  }

  party(ref: BodsNamedRef, version: BodsStatement['version'], shared: BodsParties | undefined): BodsParty | null {
    const recordId = version === '0.4' ? ref.ref : this.statementRecord.get(ref.ref);
    const local = recordId === undefined ? undefined : this.parties.get(recordId);
    const found = local ? { kind: local.kind, key: local.key.key, name: local.name } : shared?.get(ref.ref);
    // 0.3 says which kind of statement it names; a person statement where an entity one is named is not the one meant.
    return found && (ref.kind === null || found.kind === ref.kind) ? found : null;
  }
}

type Lean = Pick<BodsStatement, 'version' | 'statementId' | 'recordId' | 'statementDate'>;

function seen(s: Lean, index: number): Seen {
  return { index, date: s.statementDate ?? '' };
}

function rank(key: FirmKey | PersonKey): number {
  return 'unverified' in key ? keyRank[key.basis] : key.basis === 'id' ? 1 : 0;
}

/** Files a party statement under its record; the best-founded key among the record's statements wins. */
function addParty(index: FileIndex, i: number, s: BodsEntity | BodsPerson, secret: string): void {
  const record = index.recordOf(s);
  if (s.version === '0.3') index.statementRecord.set(s.statementId, record);
  const key = s.kind === 'entity' ? entityKey(s, record) : bodsPersonKey(s, record, secret);
  const name = s.kind === 'entity' ? entityName(s, record) : personName(s, record);
  const here = seen(s, i);
  const known = index.parties.get(record);
  if (!known) {
    index.parties.set(record, { kind: s.kind, key, latest: here, name });
    return;
  }
  if (later(here, known.latest)) Object.assign(known, { latest: here, name });
  // A later statement that adds the USCC must not split the firm in two.
  if (rank(key) > rank(known.key)) known.key = key;
}

/** Reads every statement once: rejects the invalid, and learns records, keys and latest statements. */
async function indexStatements(source: StatementSource, ctx: BodsImportContext, summary: BodsImportSummary): Promise<FileIndex> {
  const index = new FileIndex();
  // A 0.3 statement's record is only known once every replacement chain of the file is, so its
  // key waits for the end of the file; a 0.4 statement names its record and is filed at once.
  const deferred: { index: number; s: BodsEntity | BodsPerson }[] = [];
  const relationshipStatements: { index: number; s: Lean }[] = [];
  for await (const { index: i, parsed } of source()) {
    summary.read++;
    if (!parsed.ok) {
      index.rejected.add(i);
      summary.rejected++;
      reject(ctx, i, parsed.path, parsed.value, 'BODS_STATEMENT_INVALID');
      continue;
    }
    const s = parsed.statement;
    if (s.version === '0.3') {
      index.ids03.add(s.statementId);
      if (s.replaces.length) index.replaces.set(s.statementId, s.replaces);
    }
    if (s.kind === 'relationship') {
      relationshipStatements.push({ index: i, s: { version: s.version, statementId: s.statementId, recordId: s.recordId, statementDate: s.statementDate } });
    } else if (s.version === '0.4') addParty(index, i, s, ctx.secret);
    // Only what keys need is kept.
    else if (s.kind === 'entity') deferred.push({ index: i, s: { ...s, addresses: [], alternateNames: [] } });
    else deferred.push({ index: i, s: { ...s, nationalities: [] } });
  }
  for (const { index: i, s } of deferred) addParty(index, i, s, ctx.secret);
  for (const { index: i, s } of relationshipStatements) {
    const record = index.recordOf(s);
    const here = seen(s, i);
    const r = index.relationships.get(record);
    if (!r) index.relationships.set(record, { latest: here });
    else if (later(here, r.latest)) r.latest = here;
  }
  if (ctx.parties) {
    for (const [recordId, p] of index.parties) ctx.parties.set(recordId, { kind: p.kind, key: p.key.key, name: p.name });
    for (const [statementId, recordId] of index.statementRecord) ctx.parties.set(statementId, ctx.parties.get(recordId)!);
  }
  return index;
}

function reject(ctx: BodsImportContext, index: number, column: string, value: string, code: Reject['code']): void {
  ctx.rejects.add({ file: ctx.fileLabel, sheet: null, row: index + 2, column, value, code });
}

/** Where a reference stands in the statement, as the clerk will find it in the file. */
function refColumn(version: BodsStatement['version'], field: 'subject' | 'interestedParty', ref: BodsNamedRef): string {
  if (version === '0.4') return `$.recordDetails.${field}`;
  return `$.${field}.${ref.kind === 'person' ? 'describedByPersonStatement' : 'describedByEntityStatement'}`;
}

/**
 * Imports statements from a source that can be read again (a BODS file, or GLEIF records read
 * into the same internal form). The core of importBodsFile.
 */
export async function importStatements(graph: Graph, source: StatementSource, ctx: BodsImportContext): Promise<BodsImportSummary> {
  const summary: BodsImportSummary = { read: 0, written: 0, rejected: 0, skipped: 0 };
  const batchSize = ctx.batchSize ?? 1000;
  const prov = (index: number) => `${ctx.runId}/${ctx.fileNo}:${index + 2}`;

  let index: FileIndex;
  try {
    index = await indexStatements(source, ctx, summary);
  } catch (error) {
    throw new BodsFileError(ctx.fileLabel, error);
  }

  // Pass 2: firms and persons.
  let entities: Record<string, unknown>[] = [];
  let persons: Record<string, unknown>[] = [];
  const flushParties = async () => {
    if (entities.length + persons.length === 0) return;
    const [e, p] = [entities, persons];
    await graph.inWriteTransaction(async (run) => {
      // History first, in a statement of its own, and no key twice in one: see the queries.
      for (const rows of generations(e, (row) => String(row.key))) {
        await run('import/bods/entityHistory', { rows });
        await run('import/bods/entities', { rows });
      }
      for (const rows of generations(p, (row) => String(row.key))) {
        await run('import/bods/personHistory', { rows });
        await run('import/bods/persons', { rows });
      }
    });
    summary.written += e.length + p.length;
    entities = [];
    persons = [];
  };
  for await (const { index: i, parsed } of source()) {
    if (!parsed.ok || index.rejected.has(i) || parsed.statement.kind === 'relationship') continue;
    const s = parsed.statement;
    const recordId = index.recordOf(s);
    const record = index.parties.get(recordId)!;
    const row = { key: record.key.key, statementId: s.statementId, statementDate: s.statementDate ?? '', recordId, prov: prov(i) };
    if (s.kind === 'entity') entities.push({ ...row, props: entityProps(s, recordId, record.key as FirmKey) });
    else persons.push({ ...row, props: personProps(s, recordId, record.key as PersonKey) });
    if (entities.length + persons.length >= batchSize) await flushParties();
  }
  await flushParties();

  // Pass 3: holdings, control and filings; at the end, what later statements superseded.
  const recordCloses: Record<string, unknown>[] = [];
  const replacedCloses: Record<string, unknown>[] = [];
  let rows = { holdings: [] as Record<string, unknown>[], controls: [] as Record<string, unknown>[], filings: [] as Record<string, unknown>[] };
  let pending = 0;
  const flushRelationships = async () => {
    if (pending === 0) return;
    const batch = rows;
    await graph.inWriteTransaction(async (run) => {
      if (batch.holdings.length) await run('import/bods/holdings', { rows: batch.holdings });
      if (batch.controls.length) await run('import/bods/controls', { rows: batch.controls });
      if (batch.filings.length) await run('import/bods/filings', { rows: batch.filings });
    });
    rows = { holdings: [], controls: [], filings: [] };
    pending = 0;
  };
  for await (const { index: i, parsed } of source()) {
    if (!parsed.ok || index.rejected.has(i) || parsed.statement.kind !== 'relationship') continue;
    const s = parsed.statement;
    const subject = 'ref' in s.subject ? index.party(s.subject, s.version, ctx.parties) : 'unspecified';
    const holder = 'ref' in s.interestedParty ? index.party(s.interestedParty, s.version, ctx.parties) : 'unspecified';
    if (subject === null || holder === null) {
      const [field, ref] = subject === null ? (['subject', s.subject] as const) : (['interestedParty', s.interestedParty] as const);
      const named = ref as BodsNamedRef;
      summary.rejected++;
      reject(ctx, i, refColumn(s.version, field, named), named.ref, 'BODS_REFERENCE_MISSING');
      continue;
    }
    if (subject === 'unspecified') {
      summary.skipped++;
      continue;
    }
    if (subject.kind !== 'entity') {
      // The subject of a BODS relationship is always an entity: a person there is the publisher's error.
      const named = s.subject as BodsNamedRef;
      summary.rejected++;
      reject(ctx, i, refColumn(s.version, 'subject', named), named.ref, 'BODS_STATEMENT_INVALID');
      continue;
    }
    const recordId = index.recordOf(s);
    const date = s.statementDate ?? '';
    const day = date.slice(0, 10) || null;
    // Every record is checked against what the graph already holds of it, so that a publication
    // imported after a later one is ended by it just as the other way round.
    if (index.relationships.get(recordId)!.latest.index === i) recordCloses.push({ subjectKey: subject.key, recordId, statementDate: date });
    if (s.replaces.length) replacedCloses.push({ subjectKey: subject.key, statementId: s.statementId, replacedIds: s.replaces, endedOn: dateParam(day) });
    if (holder === 'unspecified') {
      summary.skipped++;
      continue;
    }
    const closedOn = s.recordStatus === 'closed' ? day : null;
    const common = { firmKey: subject.key, statementId: s.statementId, statementDate: date, recordId, prov: prov(i) };
    for (const [target, interests] of groupInterests(s.interests)) {
      const interest = interests.length ? currentInterest(interests) : null;
      const props = { ...interestProps(interest, closedOn), declaredBeneficialOwner: interest?.beneficialOwnershipOrControl ?? null };
      if (target.kind === 'holding') rows.holdings.push({ ...common, holderKey: holder.key, props });
      else if (target.kind === 'control') {
        rows.controls.push({ ...common, holderKey: holder.key, basis: target.basis, props: { ...props, basisText: interest?.details ?? null } });
      } else {
        rows.filings.push({
          ...common,
          key: filingKey(subject.key, holder.key, target.interestType),
          props: {
            ...props,
            ownerKey: holder.key,
            ownerName: holder.name,
            interestType: target.interestType,
            interestDetails: interest?.details ?? null,
            isComponent: s.isComponent,
          },
        });
      }
    }
    summary.written++;
    if (++pending >= batchSize) await flushRelationships();
  }
  await flushRelationships();
  for (const [name, closes] of [
    ['import/bods/closeReplaced', replacedCloses],
    ['import/bods/closeRecords', recordCloses],
  ] as const) {
    for (let k = 0; k < closes.length; k += batchSize) await graph.write(name, { rows: closes.slice(k, k + batchSize) });
  }
  return summary;
}

/** Interests by what they become; a relationship without interests still links its parties (an unknown interest). */
function groupInterests(interests: BodsInterest[]): [InterestTarget, BodsInterest[]][] {
  if (interests.length === 0) return [[interestTarget(null), []]];
  const groups = new Map<string, [InterestTarget, BodsInterest[]]>();
  for (const i of interests) {
    const t = interestTarget(i);
    const id = t.kind === 'holding' ? 'holding' : t.kind === 'control' ? `control:${t.basis}` : `filing:${t.interestType}`;
    const g = groups.get(id);
    if (g) g[1].push(i);
    else groups.set(id, [t, [i]]);
  }
  return [...groups.values()];
}
