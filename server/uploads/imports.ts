import fs from 'node:fs';
import path from 'node:path';
import { parse as parseCsvStream } from 'csv-parse';
import type { Graph } from '../../cypher/run.ts';
import { int } from '../../cypher/values.ts';
import { importFiles, newRunId, resumeImport, retractImport, ResumeError, type ImportSummary } from '../../importers/importFiles.ts';
import { builtInMappings, loadMapping, MappingError, type Mapping, type RecordKind } from '../../importers/mapping.ts';
import { isStatementPart, partKind, partSheet, planImport, type ImportSettings } from '../../importers/plan.ts';
import { rejectCodes, type RejectCode } from '../../importers/rejects.ts';
import type { AuditActor, AuditSink } from '../../audit/types.ts';
import { UploadStore, type UploadRecord } from './store.ts';

/**
 * Imports of uploaded files, run by the server in the background, one at a time per server: a
 * second start while one runs is refused (IMPORT_BUSY) rather than queued, since two imports
 * writing the same firms at once would only wait on each other's locks. The work itself is the
 * importers' (importFiles, resumeImport, retractImport), with their runs, rejects files and
 * reports under `<data dir>/imports/` exactly as the command line writes them, so either door
 * sees, resumes and retracts the other's runs.
 */

export class ImportsError extends Error {
  constructor(
    readonly code: 'NOT_FOUND' | 'IMPORT_BUSY' | 'NOT_IMPORTABLE' | 'RUN_NOT_RESUMABLE' | 'RUN_RETRACTED' | 'MAPPING_INVALID',
    message: string,
  ) {
    super(message);
  }
}

export interface ImportsOptions {
  /** The graph without the API's read timeout: an import's passes may read for longer. */
  graph: Graph;
  dataDir: string;
  /** Secret of person keys (server/keySecret.ts). */
  secret: string;
  maxUploadBytes: number;
  /** Where each finished background run is recorded. */
  audit: AuditSink;
  log?: (line: string) => void;
}

export interface ColumnMatch {
  field: string;
  header: string;
  column: number;
}

export interface DetectedTable {
  sheet: string | null;
  kind: string;
  caption: string | null;
  headers: string[];
  mapping: ColumnMatch[];
  /** Headers no field of the mapping reads: left out of the import. */
  unmatchedHeaders: string[];
}

export interface UploadInspection {
  upload: UploadRecord;
  format: string | null;
  encoding: string | null;
  tables: DetectedTable[];
  /** Why it cannot be imported as it stands (headers of no known kind, not a spreadsheet …); null when it can. */
  problem: { code: string; message: string } | null;
}

export interface ImportWarning {
  code: string;
  severity: string;
  count: number;
  message: string;
  value: string | null;
}

/** One line of a run's rejects file. */
export interface RejectEntry {
  fileName: string;
  sheet: string | null;
  /** The row in the file as a spreadsheet numbers it. */
  row: number;
  column: string;
  value: string;
  code: string;
  severity: string;
  message: string;
  detail: string | null;
}

export interface RunProgress {
  rowsRead: number;
  /** Data rows the file holds, counted by its line breaks (CSV, NDJSON) before the import; null when not known (XLSX, JSON). */
  rowsTotal: number | null;
  bytes: number;
}

export interface RunView {
  id: string;
  status: 'RUNNING' | 'COMPLETED' | 'FAILED' | 'RETRACTED';
  /** This server is running it now (a run RUNNING without it was interrupted, or runs in another process). */
  activeHere: boolean;
  uploadId: string | null;
  fileNames: string[];
  user: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
  progress: RunProgress;
  summary: ImportSummary | null;
  hasRejects: boolean;
  retractedAt: string | null;
  retractedBy: string | null;
}

interface Job {
  runId: string;
  uploadId: string | null;
  fileName: string;
  user: string;
  startedAt: string;
  status: 'RUNNING' | 'COMPLETED' | 'FAILED';
  /** Rows of parts (sheets) already done, and of the current one. */
  rowsDone: number;
  rowsCurrent: number;
  rowsTotal: number | null;
  bytes: number;
  summary: ImportSummary | null;
  error: string | null;
}

/** Runs of this process remembered for their progress and failures (those that failed before the database heard of them too). */
const JOBS_KEPT = 200;

/** The importers' messages name the server's path of the file; users know it by its name. */
function withoutPaths(message: string, upload: UploadRecord | null, store: UploadStore): string {
  if (!upload) return message;
  return message.replaceAll(store.filePath(upload), upload.fileName);
}

/** Line breaks of a text file, counted a chunk at a time: the rows an import will read, near enough for a progress bar. */
async function countLines(file: string): Promise<number> {
  let lines = 0;
  let last = 0x0a;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    for (let at = chunk.indexOf(0x0a); at >= 0; at = chunk.indexOf(0x0a, at + 1)) lines++;
    last = chunk[chunk.length - 1] ?? last;
  }
  return last === 0x0a ? lines : lines + 1;
}

const statusOf = (stored: unknown): RunView['status'] => (stored === 'completed' ? 'COMPLETED' : stored === 'failed' ? 'FAILED' : stored === 'retracted' ? 'RETRACTED' : 'RUNNING');

export class Imports {
  readonly uploads: UploadStore;
  /** The importers' report folder, the command line's too. */
  readonly reportDir: string;
  private readonly graph: Graph;
  private readonly options: ImportsOptions;
  private busy: string | null = null;
  private readonly jobs = new Map<string, Job>();
  private readonly inspections = new Map<string, UploadInspection>();

  constructor(options: ImportsOptions) {
    this.options = options;
    this.graph = options.graph;
    const dataDir = path.resolve(options.dataDir);
    this.uploads = new UploadStore(path.join(dataDir, 'uploads'), options.maxUploadBytes);
    this.reportDir = path.join(dataDir, 'imports');
  }

  /** The upload's tables as the importers recognise them, with `settings` (kind, mapping) or by their headers. */
  async inspect(uploadId: string, settings: ImportSettings = {}): Promise<UploadInspection | null> {
    const upload = this.uploads.get(uploadId);
    if (!upload) return null;
    const cacheable = !settings.kind && !settings.mappingFile;
    const cached = cacheable ? this.inspections.get(uploadId) : undefined;
    if (cached) return cached;
    const file = this.uploads.filePath(upload);
    let inspection: UploadInspection;
    try {
      const parts = await planImport([file], settings);
      inspection = {
        upload,
        format: parts[0]?.file.format ?? null,
        encoding: parts[0]?.file.encoding ?? null,
        tables: parts.map((part) => {
          if (isStatementPart(part)) return { sheet: null, kind: partKind(part), caption: null, headers: [], mapping: [], unmatchedHeaders: [] };
          const headers = part.table.headers;
          const mapping = [...part.columns].map(([field, column]) => ({ field, header: headers[column] ?? '', column })).sort((a, b) => a.column - b.column);
          const used = new Set(part.columns.values());
          return {
            sheet: partSheet(part),
            kind: part.mapping.kind,
            caption: `${part.mapping.caption.zh} / ${part.mapping.caption.en}`,
            headers,
            mapping,
            unmatchedHeaders: headers.filter((h, i) => !used.has(i) && h.trim() !== ''),
          };
        }),
        problem: null,
      };
    } catch (error) {
      const e = error as Error & { code?: string };
      inspection = { upload, format: null, encoding: null, tables: [], problem: { code: e.code ?? 'FILE_UNREADABLE', message: withoutPaths(e.message, upload, this.uploads) } };
    }
    if (cacheable) this.inspections.set(uploadId, inspection);
    return inspection;
  }

  /**
   * A mapping file for the upload from the user's choice of header per field: the kind's built-in
   * mapping with each chosen header put first for its field, so it wins over the usual aliases.
   * Written beside the upload, where a resumed run reads it again.
   */
  private mappingFileFor(upload: UploadRecord, kind: RecordKind | undefined, chosen: { field: string; header: string }[]): string {
    const base: Mapping | undefined = builtInMappings.find((m) => m.kind === kind);
    if (!base) throw new ImportsError('MAPPING_INVALID', '指定列映射时须同时指定记录类型 / give the record kind with a column mapping');
    const columns = { ...base.columns };
    for (const { field, header } of chosen) {
      if (!(field in columns)) throw new ImportsError('MAPPING_INVALID', `${kind} 没有字段 ${field} / ${kind} has no field ${field}`);
      columns[field] = [header, ...columns[field]!.filter((h) => h !== header)];
    }
    const file = this.uploads.sidePath(upload, `mapping-${Date.now()}.json`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ ...base, columns }, null, 2));
    try {
      loadMapping(file);
    } catch (error) {
      throw new ImportsError('MAPPING_INVALID', (error as MappingError).message);
    }
    return file;
  }

  private claim(what: string): void {
    if (this.busy) throw new ImportsError('IMPORT_BUSY', `服务器正在处理导入批次 ${this.busy}，请待其结束后再试 / the server is busy with import run ${this.busy}; try again when it has finished (${what})`);
  }

  private remember(job: Job): void {
    this.jobs.set(job.runId, job);
    for (const old of this.jobs.keys()) {
      if (this.jobs.size <= JOBS_KEPT) break;
      if (old !== this.busy) this.jobs.delete(old);
    }
  }

  /** Starts importing an upload in the background; the run's id is known at once, its progress through `run(id)`. */
  async start(input: { uploadId: string; kind?: RecordKind; mapping?: { field: string; header: string }[]; user: string; actor: AuditActor }): Promise<string> {
    this.claim('start');
    const upload = this.uploads.get(input.uploadId);
    if (!upload) throw new ImportsError('NOT_FOUND', `没有上传 ${input.uploadId} / no upload ${input.uploadId}`);
    // The command line's default source label: unverified firm keys include it, and the same file
    // imported through either door must key the same firms.
    const settings: ImportSettings = { kind: input.kind };
    if (input.mapping && input.mapping.length > 0) settings.mappingFile = this.mappingFileFor(upload, input.kind, input.mapping);
    // Refused here, with nothing written, rather than failing in the background a moment later.
    const inspection = (await this.inspect(upload.id, settings))!;
    if (inspection.problem) throw new ImportsError('NOT_IMPORTABLE', inspection.problem.message);
    this.claim('start');
    const runId = newRunId();
    const file = this.uploads.filePath(upload);
    const job: Job = { runId, uploadId: upload.id, fileName: upload.fileName, user: input.user, startedAt: new Date().toISOString(), status: 'RUNNING', rowsDone: 0, rowsCurrent: 0, rowsTotal: null, bytes: upload.bytes, summary: null, error: null };
    this.busy = runId;
    this.remember(job);
    const countable = inspection.format === 'csv' || inspection.format === 'ndjson';
    const headerRows = inspection.format === 'csv' ? inspection.tables.length : 0;
    void this.background(job, upload, input.actor, 'import', async (onProgress) => {
      if (countable) job.rowsTotal = Math.max(0, (await countLines(file)) - headerRows);
      return importFiles({ graph: this.graph, files: [file], reportDir: this.reportDir, secret: this.options.secret, user: input.user, runId, onProgress, ...settings });
    });
    return runId;
  }

  /** Finishes an interrupted or failed run in the background, from its last checkpoint. */
  async resume(runId: string, input: { user: string; actor: AuditActor }): Promise<void> {
    this.claim('resume');
    const run = await this.stored(runId);
    if (!run) throw new ImportsError('NOT_FOUND', `找不到导入批次 / no import run ${runId}`);
    if (run.status !== 'running' && run.status !== 'failed') {
      throw new ImportsError('RUN_NOT_RESUMABLE', `导入批次 ${runId} 的状态为 ${String(run.status)}，只能续导中断或失败的批次 / only an interrupted or failed run can be resumed`);
    }
    this.claim('resume');
    const files = (run.files as string[]) ?? [];
    const uploadId = files.map((f) => this.uploads.uploadOfFile(f)).find(Boolean) ?? null;
    const upload = uploadId ? this.uploads.get(uploadId) : null;
    const job: Job = {
      runId,
      uploadId,
      fileName: ((run.fileNames as string[]) ?? []).join(', '),
      user: input.user,
      startedAt: new Date().toISOString(),
      status: 'RUNNING',
      rowsDone: 0,
      rowsCurrent: 0,
      rowsTotal: null,
      bytes: ((run.fileBytes as number[]) ?? []).reduce((a, b) => a + b, 0),
      summary: null,
      error: null,
    };
    this.busy = runId;
    this.remember(job);
    void this.background(job, upload, input.actor, 'resume', (onProgress) =>
      resumeImport({ graph: this.graph, reportDir: this.reportDir, secret: this.options.secret, user: input.user, runId, onProgress }),
    );
  }

  /** Undoes a run (importers' retractImport), waiting for it: while it works no import starts. */
  async retract(runId: string, user: string): Promise<{ redecided: number }> {
    this.claim('retract');
    const run = await this.stored(runId);
    if (!run) throw new ImportsError('NOT_FOUND', `找不到导入批次 / no import run ${runId}`);
    if (run.status === 'retracted') throw new ImportsError('RUN_RETRACTED', `导入批次 ${runId} 已撤销 / run ${runId} is already retracted`);
    this.busy = runId;
    try {
      const { redecided } = await retractImport(this.graph, runId, user);
      this.jobs.delete(runId);
      return { redecided: redecided.length };
    } catch (error) {
      if (error instanceof ResumeError && error.code === 'RUN_NOT_FOUND') throw new ImportsError('NOT_FOUND', error.message);
      throw error;
    } finally {
      this.busy = null;
    }
  }

  private async background(
    job: Job,
    upload: UploadRecord | null,
    actor: AuditActor,
    operation: 'import' | 'resume',
    work: (onProgress: (progress: { file: string; rows: number }) => void) => Promise<ImportSummary>,
  ): Promise<void> {
    const onProgress = ({ rows }: { rows: number }) => {
      // Rows count from zero again at each sheet of a workbook.
      if (rows < job.rowsCurrent) job.rowsDone += job.rowsCurrent;
      job.rowsCurrent = rows;
    };
    try {
      job.summary = await work(onProgress);
      job.status = 'COMPLETED';
    } catch (error) {
      const e = error as Error & { summary?: ImportSummary };
      job.status = 'FAILED';
      job.error = withoutPaths(e.message, upload, this.uploads);
      job.summary = e.summary ?? null;
      this.options.log?.(`导入批次失败 / import run failed: ${job.runId}: ${e.stack ?? e.message}`);
    } finally {
      this.busy = null;
    }
    const written = job.summary?.files.reduce((n, f) => n + f.written, 0) ?? null;
    // The start was recorded when it was asked for; the outcome is recorded when it is known.
    await this.options.audit
      .append({
        actor,
        action: 'import',
        operation: operation === 'import' ? 'importFinished' : 'resumeFinished',
        outcome: job.status === 'COMPLETED' ? 'ok' : 'failed',
        params: { runId: job.runId, uploadId: job.uploadId, fileName: job.fileName },
        resultCount: written,
        detail: job.error ? job.error.slice(0, 2000) : null,
      })
      .catch((error: Error) => this.options.log?.(`审计日志无法写入 / audit trail not written for run ${job.runId}: ${error.message}`));
  }

  private async stored(runId: string): Promise<Record<string, unknown> | null> {
    const [row] = await this.graph.read<{ run: Record<string, unknown> }>('importRun/get', { id: runId });
    return row?.run ?? null;
  }

  /** The run's report.json, when the run's folder is this server's report folder (it is, unless the data directory moved). */
  private report(run: Record<string, unknown>): ImportSummary | null {
    const file = this.rejectsPath(run);
    if (!file) return null;
    try {
      return JSON.parse(fs.readFileSync(path.join(path.dirname(file), 'report.json'), 'utf8')) as ImportSummary;
    } catch {
      return null;
    }
  }

  /** The run's rejects file, if it lies in the report folder; a path the store names elsewhere is not served. */
  private rejectsPath(run: Record<string, unknown>): string | null {
    const file = typeof run.rejectsFile === 'string' ? path.resolve(run.rejectsFile) : null;
    if (!file || !file.startsWith(this.reportDir + path.sep)) return null;
    return file;
  }

  /** The rejects file of a run, when it has one. */
  async rejectsFile(runId: string): Promise<string | null> {
    const run = await this.stored(runId);
    const file = run ? this.rejectsPath(run) : null;
    return file && fs.existsSync(file) ? file : null;
  }

  /**
   * Entries `offset` to `offset + limit` of a run's rejects file, read as a stream and left as soon
   * as they are had: a file of millions of rows costs the page it shows. Files are named as users
   * know them (the server's folders left out).
   */
  async rejectsEntries(runId: string, offset: number, limit: number): Promise<RejectEntry[]> {
    const file = await this.rejectsFile(runId);
    if (!file) return [];
    const entries: RejectEntry[] = [];
    const parser = fs.createReadStream(file).pipe(parseCsvStream({ bom: true, relax_column_count: true, from_line: 2 }));
    let index = 0;
    try {
      for await (const record of parser as AsyncIterable<string[]>) {
        if (index++ < offset) continue;
        const [fileName = '', sheet = '', row = '', column = '', value = '', code = '', , zh = '', en = '', detail = ''] = record;
        entries.push({ fileName: path.basename(fileName), sheet: sheet || null, row: Number(row) || 0, column, value, code, severity: (rejectCodes[code as RejectCode]?.severity as string | undefined) ?? 'reject', message: `${zh} / ${en}`, detail: detail || null });
        if (entries.length >= limit) break;
      }
    } finally {
      parser.destroy();
    }
    return entries;
  }

  private view(job: Job | undefined, run: Record<string, unknown> | null): RunView {
    const active = job !== undefined && this.busy === job.runId;
    const summary = (active ? null : job?.summary) ?? (run && statusOf(run.status) !== 'RUNNING' ? this.report(run) : null);
    const fileNames = (run?.fileNames as string[] | undefined) ?? (job ? [job.fileName] : []);
    const rowsStored = ((run?.partRead as number[] | undefined) ?? []).reduce((a, b) => a + b, 0);
    const rejects = run ? this.rejectsPath(run) : null;
    return {
      id: job?.runId ?? String(run!.id),
      status: active ? 'RUNNING' : run ? statusOf(run.status) : (job?.status ?? 'FAILED'),
      activeHere: active,
      uploadId: job?.uploadId ?? ((run?.files as string[] | undefined) ?? []).map((f) => this.uploads.uploadOfFile(f)).find(Boolean) ?? null,
      fileNames,
      user: (run?.user as string | undefined) ?? job?.user ?? null,
      startedAt: (run?.startedAt as string | undefined) ?? job?.startedAt ?? null,
      finishedAt: active ? null : ((run?.finishedAt as string | undefined) ?? null),
      error: (active ? null : (job?.error ?? (run?.error as string | undefined))) ?? null,
      progress: {
        rowsRead: job ? Math.max(job.rowsDone + job.rowsCurrent, active ? 0 : rowsStored) : rowsStored,
        rowsTotal: job?.rowsTotal ?? null,
        bytes: job?.bytes ?? ((run?.fileBytes as number[] | undefined) ?? []).reduce((a, b) => a + b, 0),
      },
      summary,
      hasRejects: rejects !== null && fs.existsSync(rejects),
      retractedAt: (run?.retractedAt as string | undefined) ?? null,
      retractedBy: (run?.retractedBy as string | undefined) ?? null,
    };
  }

  async run(runId: string): Promise<RunView | null> {
    const job = this.jobs.get(runId);
    const run = await this.stored(runId);
    if (!job && !run) return null;
    return this.view(job, run);
  }

  /** Runs the database records, newest first (a run that failed before it was recorded is only found by its id). */
  async runs(offset: number, limit: number): Promise<RunView[]> {
    const rows = await this.graph.read<{ run: Record<string, unknown> }>('importRun/list', { offset: int(offset), limit: int(limit) });
    return rows.map(({ run }) => this.view(this.jobs.get(String(run.id)), run));
  }
}

/** The warnings of a run's summary: each code with its count and sentence, and every list type the vocabulary did not know. */
export function summaryWarnings(summary: ImportSummary): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  const unknown = summary.listTypes?.unknown ?? [];
  for (const [code, count] of [...Object.entries(summary.rejectsByCode ?? {}), ...Object.entries(summary.inferredByCode ?? {})]) {
    if (code === 'LIST_TYPE_UNKNOWN' && unknown.length > 0) continue;
    const entry = rejectCodes[code as RejectCode];
    warnings.push({ code, severity: entry?.severity ?? 'flag', count: count ?? 0, message: entry ? `${entry.zh} / ${entry.en}` : code, value: null });
  }
  for (const u of unknown) warnings.push({ code: 'LIST_TYPE_UNKNOWN', severity: 'flag', count: u.rows, message: u.hint, value: u.spelling });
  return warnings;
}
