import type { Encoding } from './encoding.ts';

/** The shapes every reader returns, whatever the file format (see source.ts). */

export type FileFormat = 'csv' | 'xlsx' | 'json' | 'ndjson';

export interface TableRow {
  /**
   * Where a clerk finds the row. CSV and XLSX: the row number a spreadsheet shows (the header row
   * of a CSV is 1; an XLSX sheet keeps Excel's own numbering, so a header on row 3 has data from
   * row 4). JSON and NDJSON: the 1-based record number + 1, as if a header row came first, so
   * record 1 is "row 2" (NDJSON error messages name the physical line instead).
   */
  row: number;
  /** Cell texts by column position; always at least as many as there are headers (missing cells are ''). */
  cells: string[];
}

export interface Table {
  file: string;
  /** Sheet name for XLSX, null otherwise. */
  sheet: string | null;
  /**
   * Raw header texts: the first row (CSV), the first non-empty row (XLSX), or the union of keys
   * seen in the first 1000 records in first-seen order (JSON/NDJSON).
   */
  headers: string[];
  /** Data rows only (not the header). Each call re-opens the file, so a caller may pre-scan a column and then import. */
  rows(): AsyncGenerator<TableRow>;
}

export interface OpenedFile {
  file: string;
  format: FileFormat;
  /** The text encoding read with; null for XLSX. */
  encoding: Encoding | null;
  tables: Table[];
}

/** Pads a row to the header width so that `cells[column]` is a string for every header column. */
export function padCells(cells: string[], width: number): string[] {
  while (cells.length < width) cells.push('');
  return cells;
}

export const isBlank = (cells: readonly string[]): boolean => cells.every((c) => c.trim() === '');
