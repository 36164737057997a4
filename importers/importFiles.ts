import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { Graph } from '../cypher/run.ts';
import { int } from '../cypher/values.ts';
import type { RecordKind } from './mapping.ts';
import { isStatementPart, partKind, partSheet, planImport, sha256, type ImportSettings, type Part, type StatementPart } from './plan.ts';
import { importBodsFile, type BodsParties } from './bods/importBods.ts';
import { importGleifFile } from './bods/gleif.ts';
import { RejectsFile, rejectCodes, type Reject, type RejectCode } from './rejects.ts';
import { personFirmsOfRun, resolvePersonsInFirms, splitPersonMergesOfRun } from './passes/persons.ts';
import { locateFinding, runAfterImport, type PassContext, type PassFinding } from './passes/index.ts';
import { snapshotDate, SnapshotRows } from './passes/snapshots.ts';
import { decideFirms, firmsToDecide } from './passes/ratios.ts';
import { RowContext } from './kinds/rowContext.ts';
import { handlerFor } from './kinds/index.ts';
import { decideRatioConvention, type RatioConvention } from './kinds/shareholders.ts';
import type { RunQuery, Stamped } from './kinds/kind.ts';
import type { Encoding } from './read/source.ts';
import { listTypesForRun, readListTypeVocabulary, unknownListTypeHint } from './listTypes.ts';
import type { ListTypeVocabulary } from '../model/listTypes.ts';
import { displayName } from '../model/names.ts';

/**
 * Imports files into the graph as one ImportRun. Every file is opened and recognised before
 * anything is written (plan.ts). Rows are written in batches, one transaction each, together with
 * the run's checkpoint, so an interrupted run can be resumed exactly where its last batch ended
 * (`resumeImport`). A row that cannot be keyed goes to the rejects file and the run goes on.
 */

export interface ImportOptions extends ImportSettings {
  graph: Graph;
  files: string[];
  /** Folder where the run's report and rejects file are written (a sub-folder per run). */
  reportDir: string;
  /** Secret for person keys (model/keys.ts). */
  secret: string;
  user?: string;
  batchSize?: number;
  dryRun?: boolean;
  /** A list-types file (importers/listTypes.ts) whose spellings and types extend the vocabulary before the rows are read. */
  listTypesFile?: string;
  /** Run the passes after the writes (default); a bulk load runs them itself once the database holds the graph. */
  passes?: boolean;
  onProgress?: (progress: { file: string; rows: number }) => void;
  /** The run's id, when the caller must name the run before it starts (the API answers with it at once); `newRunId()` gives one. */
  runId?: string;
}

export interface PartSummary {
  file: string;
  sheet: string | null;
  kind: RecordKind | 'bods' | 'gleif';
  encoding: Encoding | null;
  read: number;
  written: number;
  rejected: number;
  flagged: number;
  /** Rows whose every cell is empty (`,,,,,`): skipped, counted apart from `read`. */
  blank: number;
}

export interface ImportSummary {
  runId: string;
  status: 'completed' | 'failed' | 'dry-run';
  files: PartSummary[];
  rejectsFile: string | null;
  reportFile: string;
  rejectsByCode: Partial<Record<RejectCode, number>>;
  /** What the importer decided by inference, by code (listed row by row in the rejects file). */
  inferredByCode: Partial<Record<RejectCode, number>>;
  /** The list-type vocabulary the run read, and the spellings it did not know, each with its rows and how to map it (LIST_TYPE_UNKNOWN). */
  listTypes: { vocabularyVersion: number; vocabularySource: 'database' | 'shipped'; unknown: { spelling: string; rows: number; hint: string }[] };
  proposedSamePersons: number;
  seconds: number;
  /** When the passes were left to the caller (`passes: false`): what they need to run. */
  deferredPasses?: PassContext;
}

export class ResumeError extends Error {
  constructor(
    readonly code: 'RUN_NOT_FOUND' | 'RUN_NOT_RESUMABLE' | 'RUN_FILE_CHANGED',
    message: string,
  ) {
    super(message);
  }
}

export function newRunId(): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
  return `run-${stamp}-${crypto.randomBytes(3).toString('hex')}`;
}

interface RunState {
  runId: string;
  /** The run's folder: its rejects file and report. */
  runDir: string;
  /** Per part: the last row already in the database (1 = only the header). */
  checkpoints: number[];
  counts: { read: number; written: number; rejected: number; flagged: number }[];
  /** Counts from the passes after the writes (passes/index.ts). */
  passCounts?: Record<string, number>;
  /** The list-type vocabulary the list rows are converted with, read once per run. */
  listTypes: ListTypeVocabulary;
}

/** The unknown list types of a run's rejects file, one per spelling (as displayed), most rows first. */
function unknownListTypes(rejects: RejectsFile): ImportSummary['listTypes']['unknown'] {
  const rows = new Map<string, number>();
  for (const [value, n] of Object.entries(rejects.valuesByCode.LIST_TYPE_UNKNOWN ?? {})) rows.set(displayName(value), (rows.get(displayName(value)) ?? 0) + n);
  return [...rows]
    .sort(([a, m], [b, n]) => n - m || a.localeCompare(b, 'zh'))
    .map(([spelling, n]) => ({ spelling, rows: n, hint: unknownListTypeHint(spelling) }));
}

export { SAME_PERSON_HUB_FIRMS } from './passes/index.ts';

/** What the passes after a run need to know of its parts. */
export function passContext(runId: string, parts: Part[], settings: ImportSettings, snapshotRows?: Map<Part, SnapshotRows | null>): PassContext {
  return {
    runId,
    prefix: `${runId}/`,
    parts: parts.map((p) => ({
      fileNo: p.file.fileNo,
      name: p.file.name,
      sheet: partSheet(p),
      kind: partKind(p),
      snapshot: settings.snapshot ?? null,
      snapshotRows: snapshotRows?.get(p)?.ranges() ?? null,
    })),
  };
}

/** A row whose every cell is empty or white space: an export's padding, not a record. */
const isBlankRow = (cells: string[]) => cells.every((c) => !c || /^[\s\u3000]*$/.test(c));

/** Runs the passes that follow a run's writes and lists their findings in the run's rejects file. */
export async function finishWithPasses(graph: Graph, ctx: PassContext, rejects: RejectsFile): Promise<Record<string, number>> {
  const { findings, counts } = await runAfterImport(graph, ctx);
  rejects.addAll(findings.map((f) => ({ ...locateFinding(f, ctx), column: f.column, value: f.value, code: f.code, detail: f.detail })));
  await rejects.sync();
  return counts;
}

/**
 * A statement file is written by the BODS importer in its own batches and checkpointed as a whole:
 * resuming a run whose statement file was cut short imports it again, which MERGE keys make safe.
 */
const STATEMENTS_DONE = 2 ** 31 - 1;

async function importStatementPart(
  part: StatementPart,
  index: number,
  summary: PartSummary,
  ctx: { runId: string; rejects: RejectsFile; parties: BodsParties; options: ImportOptions },
): Promise<void> {
  const { options, runId } = ctx;
  const collected: Reject[] = [];
  const bodsCtx = {
    runId,
    fileNo: part.file.fileNo,
    fileLabel: part.file.name,
    secret: options.secret,
    rejects: { add: (reject: Reject) => collected.push(reject) },
    batchSize: options.batchSize,
    parties: ctx.parties,
  };
  const result = part.statements === 'bods' ? await importBodsFile(options.graph, part.file.path, bodsCtx) : await importGleifFile(options.graph, part.file.path, bodsCtx);
  ctx.rejects.addAll(collected);
  await ctx.rejects.sync();
  Object.assign(summary, { read: result.read, written: result.written, rejected: result.rejected, flagged: 0 });
  await options.graph.write('importRun/checkpoint', {
    id: runId,
    part: int(index),
    row: int(STATEMENTS_DONE),
    read: int(result.read),
    written: int(result.written),
    rejected: int(result.rejected),
    flagged: int(0),
  });
  options.onProgress?.({ file: part.file.path, rows: result.read });
}

/**
 * Every import query starts with `UNWIND $rows`: with no rows it writes nothing, so it is not
 * sent (a registration batch without phones, e-mails or websites saves three round trips).
 */
function skippingEmpty(run: RunQuery): RunQuery {
  return (name, params) => (Array.isArray(params.rows) && params.rows.length === 0 ? Promise.resolve([]) : run(name, params));
}

/** Queries of a batch whose rows the record kinds use; every other one is a write that returns none. */
const ANSWERED = new Set(['import/resolveFirmNames']);

/**
 * Sends a batch's writes one after the other without waiting for each to finish: Neo4j runs them
 * in order within the transaction and starts the next as soon as one ends, instead of idling for
 * a round trip (and for this process, busy converting the next batch). A write answers at once
 * with no rows; `done` waits for all of them and fails with the first failure, so the
 * transaction is never committed after a failed write.
 */
function pipelined(run: RunQuery): { run: RunQuery; done: () => Promise<void> } {
  const sent: Promise<unknown>[] = [];
  return {
    run: (name, params) => {
      if (ANSWERED.has(name)) return run(name, params);
      const result = run(name, params);
      // Observed here and by done(): a failure must not go unhandled while later writes are sent.
      result.catch(() => undefined);
      sent.push(result);
      return Promise.resolve([]);
    },
    done: async () => {
      await Promise.all(sent);
    },
  };
}

/** The cells of a table's ratio column, read afresh on each call; null when it has none. */
function ratioCells(part: Part): (() => AsyncIterable<string>) | null {
  if (isStatementPart(part)) return null;
  const field = handlerFor(part.mapping.kind).ratioField;
  const column = field ? part.columns.get(field) : undefined;
  if (column === undefined) return null;
  return async function* () {
    for await (const { cells } of part.table.rows()) if (cells[column]) yield cells[column]!;
  };
}

async function importParts(parts: Part[], state: RunState, options: ImportOptions): Promise<ImportSummary> {
  const started = Date.now();
  const { graph, runId, runDir } = { graph: options.graph, ...state };
  const rejects = new RejectsFile(path.join(runDir, 'rejects.csv'));
  // Rejects of rows past a checkpoint belong to a batch that never committed; they are written again.
  await rejects.keepUpTo((file, sheet, row) => {
    const at = parts.findIndex((p) => p.file.name === file && (partSheet(p) ?? '') === sheet);
    return at >= 0 && row <= state.checkpoints[at]!;
  });
  const batchSize = options.batchSize ?? 1000;
  const env = { source: options.source ?? 'import', secret: options.secret, listTypes: state.listTypes };
  const summaries: PartSummary[] = parts.map((p, i) => ({
    file: p.file.path,
    sheet: partSheet(p),
    kind: partKind(p) as PartSummary['kind'],
    encoding: p.file.encoding,
    ...state.counts[i]!,
    // Counted afresh as every row is read again, also those before a resumed run's checkpoint.
    blank: 0,
  }));
  // The snapshot day of each row of a snapshot part (passes/snapshots.ts), for the passes.
  const snapshotRows = new Map<Part, SnapshotRows | null>();

  let status: ImportSummary['status'] = options.dryRun ? 'dry-run' : 'completed';
  let failure: Error | null = null;
  try {
    const parties: BodsParties = new Map();
    for (const [index, part] of parts.entries()) {
      const summary = summaries[index]!;
      const checkpoint = state.checkpoints[index]!;
      if (isStatementPart(part)) {
        if (checkpoint === STATEMENTS_DONE) continue;
        await importStatementPart(part, index, summary, { runId, rejects, parties, options });
        continue;
      }
      const handler = handlerFor(part.mapping.kind);
      const snapshot = SnapshotRows.of(part.mapping.kind, part.columns, options.snapshot);
      snapshotRows.set(part, snapshot);
      let ratio: RatioConvention = { unit: 'fraction', of: 'none' };
      const own = ratioCells(part);
      if (own) {
        const fileColumns = parts.filter((p) => p !== part && p.file.fileNo === part.file.fileNo).flatMap((p) => ratioCells(p) ?? []);
        ratio = await decideRatioConvention(own(), fileColumns);
      }

      let batch: Stamped<unknown>[] = [];
      let pending: Reject[] = [];
      let pendingCounts = { read: 0, written: 0, rejected: 0, flagged: 0 };
      let lastRow = checkpoint;
      // The part's counts up to the last batch handed over, committed or not yet.
      let handedOver = { read: summary.read, written: summary.written, rejected: summary.rejected, flagged: summary.flagged };
      const commit = async (work: { batch: Stamped<unknown>[]; rejects: Reject[]; lastRow: number; counts: typeof handedOver }) => {
        rejects.addAll(work.rejects);
        await rejects.sync();
        if (!options.dryRun) {
          await graph.inWriteTransaction(async (run) => {
            const writes = pipelined(run);
            if (work.batch.length > 0) await handler.write(skippingEmpty(writes.run), work.batch);
            void writes.run('importRun/checkpoint', { id: runId, part: int(index), row: int(work.lastRow), ...Object.fromEntries(Object.entries(work.counts).map(([k, v]) => [k, int(v)])) });
            await writes.done();
          });
        }
        Object.assign(summary, work.counts);
        options.onProgress?.({ file: part.file.path, rows: summary.read });
      };
      // One batch commits while the next is read and converted: Neo4j and the converters then
      // work at the same time. Batches still commit one after the other, in order, with their
      // rejects and checkpoint; at most two are held in memory.
      let committing: Promise<void> = Promise.resolve();
      let commitFailure: { error: unknown } | null = null;
      const committed = async () => {
        await committing;
        if (commitFailure) throw commitFailure.error;
      };
      const flush = async () => {
        if (pendingCounts.read === 0) return;
        const counts = {
          read: handedOver.read + pendingCounts.read,
          written: handedOver.written + pendingCounts.written,
          rejected: handedOver.rejected + pendingCounts.rejected,
          flagged: handedOver.flagged + pendingCounts.flagged,
        };
        const work = { batch, rejects: pending, lastRow, counts };
        handedOver = counts;
        batch = [];
        pending = [];
        pendingCounts = { read: 0, written: 0, rejected: 0, flagged: 0 };
        await committed();
        // Caught at once (a rejection nobody awaits yet would end the process) and rethrown by committed().
        committing = commit(work).catch((error: unknown) => {
          commitFailure = { error };
        });
      };

      try {
        for await (const { row, cells } of part.table.rows()) {
          if (isBlankRow(cells)) {
            summary.blank++;
            continue;
          }
          const snapshotCell = snapshot?.note(row, cells) ?? null;
          if (row <= checkpoint) continue;
          lastRow = row;
          pendingCounts.read++;
          const ctx = new RowContext(cells, part.columns, part.table.headers, part.file.name, part.table.sheet, row);
          if (snapshotCell === 'invalid') ctx.report('snapshotDate', 'DATE_INVALID');
          const record = handler.convert(ctx, { ...env, ratioUnit: ratio.unit, ratioConvention: ratio.of });
          pending.push(...ctx.problems);
          pendingCounts.flagged += ctx.problems.filter((p) => rejectCodes[p.code].severity === 'flag').length;
          if (record) {
            batch.push({ ...(record as object), prov: `${runId}/${part.file.fileNo}:${part.table.sheet ? `${part.table.sheet}!` : ''}${row}` });
            pendingCounts.written++;
          } else {
            pendingCounts.rejected++;
          }
          if (pendingCounts.read >= batchSize) await flush();
          // Converting is synchronous: let the committing batch's replies through now and then, or
          // its next statement waits for a whole chunk of rows to be converted.
          else if (pendingCounts.read % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
        }
        await flush();
      } finally {
        // A failed read must not leave a batch committing behind while the run is closed.
        await committing;
      }
      await committed();
    }
    // A bulk load writes to memory first: its passes run once the database holds the graph.
    if (!options.dryRun && options.passes !== false) {
      state.passCounts = await finishWithPasses(graph, passContext(runId, parts, options, snapshotRows), rejects);
    }
  } catch (error) {
    status = 'failed';
    failure = error as Error;
  }

  const rejectsFile = await rejects.close();
  if (!options.dryRun) {
    // A lost connection cannot record its own failure; the run then stays 'running' and --resume takes it.
    await graph.write('importRun/finish', { id: runId, status, error: failure?.message ?? null }).catch(() => undefined);
  }
  const summary: ImportSummary = {
    runId,
    status,
    files: summaries,
    rejectsFile,
    reportFile: path.join(runDir, 'report.json'),
    rejectsByCode: rejects.byCode,
    inferredByCode: rejects.inferredByCode,
    proposedSamePersons: state.passCounts?.proposedSamePersons ?? 0,
    listTypes: { vocabularyVersion: state.listTypes.version, vocabularySource: state.listTypes.source, unknown: unknownListTypes(rejects) },
    seconds: (Date.now() - started) / 1000,
    ...(options.passes === false && !options.dryRun ? { deferredPasses: passContext(runId, parts, options, snapshotRows) } : {}),
  };
  await rejects.writeReport(summary.reportFile, summary);
  if (failure) throw Object.assign(failure, { summary });
  return summary;
}

export async function importFiles(options: ImportOptions): Promise<ImportSummary> {
  if (options.snapshot !== undefined) options = { ...options, snapshot: snapshotDate(options.snapshot) };
  const parts = await planImport(options.files, options);
  if (options.dryRun && parts.some(isStatementPart)) {
    throw new Error('--dry-run 暂不支持 BODS/GLEIF 文件 / --dry-run does not cover BODS or GLEIF files yet');
  }
  const runId = options.runId ?? newRunId();
  // Before the run starts: a list-types file that conflicts with the vocabulary stops the import with nothing written.
  const listTypes = await listTypesForRun(options.graph, { file: options.listTypesFile, dryRun: options.dryRun, user: options.user });
  const state: RunState = {
    runId,
    runDir: path.join(options.reportDir, runId),
    checkpoints: parts.map(() => 1),
    counts: parts.map(() => ({ read: 0, written: 0, rejected: 0, flagged: 0 })),
    listTypes,
  };
  if (!options.dryRun) {
    const files = [...new Map(parts.map((p) => [p.file.fileNo, p.file])).values()];
    await options.graph.write('importRun/start', {
      id: state.runId,
      files,
      parts: parts.map((p) => ({ fileNo: p.file.fileNo, sheet: partSheet(p), kind: partKind(p) })),
      options: JSON.stringify({ kind: options.kind, mappingFile: options.mappingFile, encoding: options.encoding, sheet: options.sheet, source: options.source, snapshot: options.snapshot }),
      user: options.user ?? os.userInfo().username,
      rejectsFile: path.join(state.runDir, 'rejects.csv'),
    });
  }
  return importParts(parts, state, options);
}

/** Finishes an interrupted run (killed process, lost connection) from its last checkpoint. */
export async function resumeImport(options: Omit<ImportOptions, 'files' | keyof ImportSettings> & { runId: string }): Promise<ImportSummary> {
  const [found] = await options.graph.read<{ run: Record<string, any> }>('importRun/get', { id: options.runId });
  if (!found) throw new ResumeError('RUN_NOT_FOUND', `找不到导入批次 / no import run ${options.runId}`);
  const run = found.run;
  if (run.status !== 'running' && run.status !== 'failed') {
    throw new ResumeError('RUN_NOT_RESUMABLE', `导入批次 ${options.runId} 的状态为 ${run.status}，只能续导 running 或 failed 的批次 / only a running or failed run can be resumed`);
  }
  for (const [i, file] of (run.files as string[]).entries()) {
    if ((await sha256(file).catch(() => null)) !== run.fileHashes[i]) {
      throw new ResumeError('RUN_FILE_CHANGED', `文件已改变或不存在，无法续导 / the file changed or is gone since the run started: ${file}`);
    }
  }
  // The run lists its files in the order of its parts (registrations first), not in the order they
  // were given, which numbered them; planned in that order they would get other numbers, match no
  // recorded part, and be imported again under other provenance entries. The parts' file numbers,
  // in the same order, give each file its number back.
  const fileNos = [...new Set<number>(run.partFiles)];
  const files: string[] = fileNos.map((no, i) => [no, run.files[i]] as const).sort(([a], [b]) => a - b).map(([, file]) => file);
  const settings: ImportSettings = JSON.parse(run.options);
  const parts = await planImport(files, settings);
  const key = (fileNo: number, sheet: string | null, kind: string) => `${fileNo}\0${sheet ?? ''}\0${kind}`;
  const recorded = new Map<string, number>(run.partFiles.map((f: number, i: number) => [key(f, run.partSheets[i] || null, run.partKinds[i]), i]));
  const state: RunState = {
    runId: options.runId,
    runDir: path.dirname(run.rejectsFile),
    checkpoints: parts.map((p) => run.checkpoints[recorded.get(key(p.file.fileNo, partSheet(p), partKind(p)))!]),
    counts: parts.map((p) => {
      const i = recorded.get(key(p.file.fileNo, partSheet(p), partKind(p)))!;
      return { read: run.partRead[i], written: run.partWritten[i], rejected: run.partRejected[i], flagged: run.partFlagged[i] };
    }),
    // The database's vocabulary: a list-types file the run was started with is in it already.
    listTypes: await readListTypeVocabulary(options.graph),
  };
  await options.graph.write('importRun/reopen', { id: options.runId });
  return importParts(parts, state, { ...options, ...settings, files });
}

/**
 * Removes what a run wrote that no other run also asserts, and restores the values it replaced.
 * Ratios of other runs' rows that the run's rows decided (a holder that made a firm sum to 100%,
 * a registered capital a ratio was derived from) are decided again without them; what changed is
 * returned, as the run's report listed what the run decided.
 */
export async function retractImport(graph: Graph, runId: string, user = os.userInfo().username): Promise<{ redecided: PassFinding[] }> {
  const [found] = await graph.read<{ run: Record<string, unknown> }>('importRun/get', { id: runId });
  if (!found) throw new ResumeError('RUN_NOT_FOUND', `找不到导入批次 / no import run ${runId}`);
  const prefix = `${runId}/`;
  const ratioFirms: string[] = [];
  for await (const keys of firmsToDecide(graph, prefix)) ratioFirms.push(...keys);
  // Persons merged on the run's rows are split back first, so that what follows removes exactly
  // what the run wrote; their firms are resolved again afterwards, which makes again every merge
  // that still holds without the run (passes/persons.ts).
  const personFirms = await personFirmsOfRun(graph, prefix);
  const splitMerges = await splitPersonMergesOfRun(graph, prefix);
  await graph.writeInBatches('importRun/reopenSnapshotClosures', { runId });
  await graph.writeInBatches('importRun/retractRelationships', { prefix });
  await graph.writeInBatches('importRun/retractValues', { prefix });
  await graph.writeInBatches('importRun/retractHoldingValues', { prefix });
  await graph.writeInBatches('importRun/retractPriorValues', { prefix });
  await graph.writeInBatches('importRun/retractNodes', { prefix });
  const persons = await resolvePersonsInFirms(graph, { scope: 'firms', firmKeys: [...new Set([...personFirms, ...splitMerges.firmKeys])] }, { by: `retract:${runId}` });
  const redecided = [...persons.findings, ...(await decideFirms(graph, ratioFirms, null))];
  await graph.write('importRun/markRetracted', { id: runId, user });
  return { redecided };
}
