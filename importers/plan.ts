import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { builtInMappings, detectMapping, loadMapping, matchColumns, type Mapping, type RecordKind } from './mapping.ts';
import { openFile, type Encoding, type FileFormat, type Table } from './read/source.ts';
import { kindOrder } from './kinds/index.ts';
import { isBodsFile, peekFirstValue } from './bods/importBods.ts';
import { isGleifFile } from './bods/gleif.ts';

/**
 * Before anything is written, every file is opened and each of its tables (a CSV, a JSON file, or
 * one XLSX sheet) is matched to a record kind. A file that cannot be read or recognised stops the
 * import here, with nothing written.
 */

export interface ImportSettings {
  /** Record kind for every table; detected from each table's headers when absent. */
  kind?: RecordKind;
  /** A mapping file (copied from importers/mappings/ and edited) used instead of the built-in ones. */
  mappingFile?: string;
  encoding?: Encoding;
  /** Only this sheet of XLSX files. */
  sheet?: string;
  /** Label of the data source, part of unverified firm keys. */
  source?: string;
  /**
   * The shareholder and officer tables list every holder and role of the firms they name as of
   * this date (YYYY-MM-DD): what they do not repeat is closed at it (passes/snapshots.ts).
   */
  snapshot?: string;
}

export interface PlannedFile {
  fileNo: number;
  path: string;
  name: string;
  sha256: string;
  bytes: number;
  format: FileFormat;
  encoding: Encoding | null;
}

/** A table of rows of one record kind. */
export interface TablePart {
  file: PlannedFile;
  table: Table;
  mapping: Mapping;
  columns: Map<string, number>;
}

/** A file of ownership statements (BODS 0.3/0.4, or GLEIF Level-2 records), imported as a whole. */
export interface StatementPart {
  file: PlannedFile;
  statements: 'bods' | 'gleif';
}

export type Part = TablePart | StatementPart;

export const isStatementPart = (part: Part): part is StatementPart => 'statements' in part;
export const partKind = (part: Part): string => (isStatementPart(part) ? part.statements : part.mapping.kind);
export const partSheet = (part: Part): string | null => (isStatementPart(part) ? null : part.table.sheet);

export class UnknownHeadersError extends Error {
  readonly code = 'HEADERS_UNKNOWN';
  constructor(
    readonly file: string,
    sheet: string | null,
    headers: string[],
  ) {
    super(
      `无法从表头识别文件类型，请用 --kind 指定或提供 --mapping 映射文件 / the headers match no record kind; use --kind or --mapping: ${file}${sheet ? ` [${sheet}]` : ''}\n  表头 / headers: ${headers.join(', ')}`,
    );
  }
}

export function sha256(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = crypto.createHash('sha256');
    fs.createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}

function matchTable(table: Table, settings: ImportSettings, mappings: Mapping[]): { mapping: Mapping; columns: Map<string, number> } | null {
  if (!settings.kind && !settings.mappingFile) return detectMapping(table.headers, mappings);
  const mapping = mappings.find((m) => !settings.kind || m.kind === settings.kind);
  if (!mapping) return null;
  const columns = matchColumns(mapping, table.headers);
  return mapping.detect.every((f) => columns.has(f)) ? { mapping, columns } : null;
}

/**
 * Real exports often put a title row or two above the header ('XX市企业登记信息表', '导出时间：…').
 * When the first row matches no kind, the next few rows are tried as the header.
 */
const HEADER_SEARCH_ROWS = 10;

async function findHeader(table: Table, settings: ImportSettings, mappings: Mapping[]) {
  const first = matchTable(table, settings, mappings);
  if (first) return { table, match: first };
  let tried = 0;
  for await (const candidate of table.rows()) {
    if (++tried > HEADER_SEARCH_ROWS) break;
    const shifted: Table = {
      ...table,
      headers: candidate.cells,
      rows: async function* () {
        for await (const row of table.rows()) if (row.row > candidate.row) yield row;
      },
    };
    const match = matchTable(shifted, settings, mappings);
    if (match) return { table: shifted, match };
  }
  return null;
}

export async function planImport(files: string[], settings: ImportSettings): Promise<Part[]> {
  const mappings = settings.mappingFile ? [loadMapping(settings.mappingFile)] : builtInMappings;
  const parts: Part[] = [];
  for (const [i, file] of files.entries()) {
    const opened = await openFile(file, { encoding: settings.encoding, sheet: settings.sheet });
    const planned: PlannedFile = {
      fileNo: i + 1,
      path: path.resolve(file),
      name: path.basename(file),
      sha256: await sha256(file),
      bytes: fs.statSync(file).size,
      format: opened.format,
      encoding: opened.encoding,
    };
    if (opened.format === 'json' && !settings.kind && !settings.mappingFile) {
      const first = await peekFirstValue(file);
      const statements = isBodsFile(first) ? 'bods' : isGleifFile(first) ? 'gleif' : null;
      if (statements) {
        parts.push({ file: planned, statements });
        continue;
      }
    }
    for (const table of opened.tables) {
      const found = await findHeader(table, settings, mappings);
      if (!found) throw new UnknownHeadersError(file, table.sheet, table.headers);
      parts.push({ file: planned, table: found.table, ...found.match });
    }
  }
  // Firms are registered before rows that refer to them by name, so those can be matched.
  // Statement files come last: they name their own parties, and may name registered firms by code.
  const order = (p: Part) => (isStatementPart(p) ? 1000 : kindOrder(p.mapping.kind));
  return parts.sort((a, b) => order(a) - order(b) || a.file.fileNo - b.file.fileNo);
}
