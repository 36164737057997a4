import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Graph } from '../cypher/run.ts';
import { builtInMappings, detectMapping, loadMapping, matchColumns, type Mapping, type RecordKind } from './mapping.ts';
import { csvRows, detectEncoding, UnreadableFileError, type Encoding } from './read/csvRows.ts';
import { RejectsFile, rejectCodes, type RejectCode } from './rejects.ts';
import { RowContext } from './kinds/rowContext.ts';
import { registrationFromRow, type RegistrationRecord } from './kinds/registrations.ts';
import { decideRatioUnit, holdingFromRow, type HoldingRecord } from './kinds/shareholders.ts';

/**
 * Imports files into the graph as one ImportRun. Every file is opened and recognised before
 * anything is written, so an unreadable file stops the run with nothing written. Rows are written
 * in batches, each batch in one transaction; a row that cannot be keyed goes to the rejects file
 * and the run goes on.
 */

export interface ImportOptions {
  graph: Graph;
  files: string[];
  /** Record kind for every file; detected from each file's headers when absent. */
  kind?: RecordKind;
  /** A mapping file (copied from importers/mappings/ and edited) used instead of the built-in ones. */
  mappingFile?: string;
  encoding?: Encoding;
  /** Folder where the run's report and rejects file are written (a sub-folder per run). */
  reportDir: string;
  /** Secret for person keys (model/keys.ts). */
  secret: string;
  user?: string;
  /** Label of the data source, part of unverified firm keys. */
  source?: string;
  batchSize?: number;
  dryRun?: boolean;
  onProgress?: (progress: { file: string; rows: number }) => void;
}

export interface FileSummary {
  file: string;
  kind: RecordKind;
  encoding: Encoding;
  read: number;
  written: number;
  rejected: number;
  flagged: number;
}

export interface ImportSummary {
  runId: string;
  status: 'completed' | 'failed' | 'dry-run';
  files: FileSummary[];
  rejectsFile: string | null;
  reportFile: string;
  rejectsByCode: Partial<Record<RejectCode, number>>;
  seconds: number;
}

const kindOrder: RecordKind[] = ['registrations', 'shareholders'];

interface PlannedFile {
  file: string;
  fileNo: number;
  mapping: Mapping;
  columns: Map<string, number>;
  headers: string[];
  encoding: Encoding;
}

async function headerRow(file: string, encoding: Encoding): Promise<string[]> {
  for await (const row of csvRows(file, encoding)) return row.cells;
  throw new UnreadableFileError('FILE_EMPTY', file, `文件没有内容 / the file has no rows: ${file}`);
}

export class UnknownHeadersError extends Error {
  readonly code = 'HEADERS_UNKNOWN';
  constructor(readonly file: string, headers: string[]) {
    super(
      `无法从表头识别文件类型，请用 --kind 指定或提供 --mapping 映射文件 / the headers match no record kind; use --kind or --mapping: ${file}\n  表头 / headers: ${headers.join(', ')}`,
    );
  }
}

async function planFiles(options: ImportOptions): Promise<PlannedFile[]> {
  const mappings = options.mappingFile ? [loadMapping(options.mappingFile)] : builtInMappings;
  const planned: PlannedFile[] = [];
  for (const [i, file] of options.files.entries()) {
    const encoding = options.encoding ?? detectEncoding(file);
    const headers = await headerRow(file, encoding);
    let match: { mapping: Mapping; columns: Map<string, number> } | null;
    if (options.kind || options.mappingFile) {
      const mapping = mappings.find((m) => !options.kind || m.kind === options.kind);
      match = mapping ? { mapping, columns: matchColumns(mapping, headers) } : null;
      if (match && !match.mapping.detect.every((f) => match!.columns.has(f))) match = null;
    } else {
      match = detectMapping(headers, mappings);
    }
    if (!match) throw new UnknownHeadersError(file, headers);
    planned.push({ file, fileNo: i + 1, mapping: match.mapping, columns: match.columns, headers, encoding });
  }
  // Firms are registered before holdings point at them, so holders named without a code can be matched by name.
  return planned.sort((a, b) => kindOrder.indexOf(a.mapping.kind) - kindOrder.indexOf(b.mapping.kind) || a.fileNo - b.fileNo);
}

function sha256(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = crypto.createHash('sha256');
    fs.createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}

function newRunId(): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
  return `run-${stamp}-${crypto.randomBytes(3).toString('hex')}`;
}

async function writeRegistrations(graph: Graph, batch: (RegistrationRecord & { prov: string })[]): Promise<void> {
  await graph.writeAll([
    { name: 'import/registrations', params: { rows: batch.map((r) => ({ ...r.firm, prov: r.prov })) } },
    {
      name: 'import/legalRepresentatives',
      params: {
        rows: batch.filter((r) => r.legalRepresentative).map((r) => ({ firmKey: r.firm.key, person: r.legalRepresentative, prov: r.prov })),
      },
    },
  ]);
}

async function writeHoldings(graph: Graph, batch: (HoldingRecord & { prov: string })[]): Promise<void> {
  const firms = new Map(batch.map((r) => [r.firm.key, { key: r.firm.key, props: r.firm.props, prov: r.prov }]));
  const rows = (kind: 'person' | 'firm') =>
    batch.filter((r) => r.holderKind === kind).map((r) => ({ firmKey: r.firm.key, holder: r.holder, holding: r.holding, prov: r.prov }));
  await graph.writeAll([
    { name: 'import/shareholdingFirms', params: { rows: [...firms.values()] } },
    { name: 'import/personHoldings', params: { rows: rows('person') } },
    { name: 'import/firmHoldings', params: { rows: rows('firm') } },
  ]);
}

export async function importFiles(options: ImportOptions): Promise<ImportSummary> {
  const started = Date.now();
  const planned = await planFiles(options);
  const runId = newRunId();
  const runDir = path.join(options.reportDir, runId);
  const rejects = new RejectsFile(path.join(runDir, 'rejects.csv'));
  const batchSize = options.batchSize ?? 1000;
  const source = options.source ?? 'import';
  const summaries: FileSummary[] = [];

  const fileInfo = await Promise.all(
    planned.map(async (p) => ({
      fileNo: p.fileNo,
      path: path.resolve(p.file),
      name: path.basename(p.file),
      sha256: await sha256(p.file),
      bytes: fs.statSync(p.file).size,
      kind: p.mapping.kind,
      encoding: p.encoding,
    })),
  );
  if (!options.dryRun) {
    await options.graph.write('importRun/start', { id: runId, files: fileInfo, user: options.user ?? os.userInfo().username });
  }

  let status: ImportSummary['status'] = options.dryRun ? 'dry-run' : 'completed';
  let failure: Error | null = null;
  try {
    for (const p of planned) {
      const summary: FileSummary = { file: p.file, kind: p.mapping.kind, encoding: p.encoding, read: 0, written: 0, rejected: 0, flagged: 0 };
      summaries.push(summary);
      const fileLabel = path.basename(p.file);
      let ratioUnit: 'percent' | 'fraction' = 'fraction';
      if (p.mapping.kind === 'shareholders' && p.columns.has('ratio')) {
        const at = p.columns.get('ratio')!;
        async function* ratios() {
          let first = true;
          for await (const row of csvRows(p.file, p.encoding)) {
            if (!first && row.cells[at]) yield row.cells[at]!;
            first = false;
          }
        }
        ratioUnit = await decideRatioUnit(ratios());
      }

      let batch: ({ prov: string } & (RegistrationRecord | HoldingRecord))[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        if (!options.dryRun) {
          if (p.mapping.kind === 'registrations') await writeRegistrations(options.graph, batch as (RegistrationRecord & { prov: string })[]);
          else await writeHoldings(options.graph, batch as (HoldingRecord & { prov: string })[]);
        }
        summary.written += batch.length;
        batch = [];
      };

      let header = true;
      for await (const { row, cells } of csvRows(p.file, p.encoding)) {
        if (header) {
          header = false;
          continue;
        }
        summary.read++;
        const ctx = new RowContext(cells, p.columns, p.headers, fileLabel, null, row);
        const record =
          p.mapping.kind === 'registrations' ? registrationFromRow(ctx, source, options.secret) : holdingFromRow(ctx, ratioUnit, source, options.secret);
        for (const problem of ctx.problems) {
          rejects.add(problem);
          if (rejectCodes[problem.code].severity === 'flag') summary.flagged++;
        }
        if (!record) {
          summary.rejected++;
          continue;
        }
        batch.push({ ...record, prov: `${runId}/${p.fileNo}:${row}` });
        if (batch.length >= batchSize) await flush();
        if (summary.read % 10_000 === 0) options.onProgress?.({ file: p.file, rows: summary.read });
      }
      await flush();
      options.onProgress?.({ file: p.file, rows: summary.read });
    }
  } catch (error) {
    status = 'failed';
    failure = error as Error;
  }

  const rejectsFile = await rejects.close();
  const totals = summaries.reduce((t, s) => ({ read: t.read + s.read, written: t.written + s.written, rejected: t.rejected + s.rejected }), {
    read: 0,
    written: 0,
    rejected: 0,
  });
  if (!options.dryRun) {
    await options.graph.write('importRun/finish', {
      id: runId,
      status,
      ...totals,
      rejectsFile,
      error: failure?.message ?? null,
    });
  }
  const summary: ImportSummary = {
    runId,
    status,
    files: summaries,
    rejectsFile,
    reportFile: path.join(runDir, 'report.json'),
    rejectsByCode: rejects.byCode,
    seconds: (Date.now() - started) / 1000,
  };
  fs.mkdirSync(runDir, { recursive: true });
  fs.writeFileSync(summary.reportFile, JSON.stringify({ ...summary, files: summaries.map((s) => ({ ...s, file: path.resolve(s.file) })) }, null, 2));
  if (failure) throw Object.assign(failure, { summary });
  return summary;
}
