// A screen's table as a file: CSV that Excel opens as UTF-8 (BOM, CRLF) or XLSX. The same safety
// rule as the server's exporters (model/csv.ts): in CSV, text a spreadsheet would run as a formula
// gets an apostrophe in front; in XLSX every text is a typed string cell, which Excel never runs.

import writeXlsxFile, { type Cell, type SheetData } from 'write-excel-file/browser';
import { safeFileName, saveBlob } from './download.ts';

export interface TableColumn<R> {
  title: string;
  value: (row: R) => string | number | null;
}

/** One CSV cell, RFC 4180 quoted; formula-looking text (= + - @, or a tab or CR before one) neutralised. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The file's text: a BOM (so Excel on a Chinese Windows reads UTF-8, not GBK), a header row, CRLF line ends. */
export function tableCsv<R>(rows: readonly R[], columns: readonly TableColumn<R>[]): string {
  const lines = [columns.map((column) => csvCell(column.title)).join(',')];
  for (const row of rows) lines.push(columns.map((column) => csvCell(column.value(row))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function xlsxCell(value: string | number | null): Cell {
  if (value === null) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? { value, type: Number } : { value: String(value), type: String };
  return { value, type: String };
}

/** Columns as wide as their longest text (a CJK character counts two), within reason. */
function columnWidths(data: SheetData): { width: number }[] {
  const widths: number[] = [];
  for (const row of data) {
    row.forEach((cell, index) => {
      const text = cell && typeof cell === 'object' && 'value' in cell ? String(cell.value ?? '') : '';
      let width = 0;
      for (const ch of text) width += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
      widths[index] = Math.max(widths[index] ?? 8, Math.min(width + 2, 60));
    });
  }
  return widths.map((width) => ({ width }));
}

export async function tableXlsx<R>(rows: readonly R[], columns: readonly TableColumn<R>[]): Promise<Blob> {
  const data: SheetData = [
    columns.map((column) => ({ value: column.title, type: String, fontWeight: 'bold' }) satisfies Cell),
    ...rows.map((row) => columns.map((column) => xlsxCell(column.value(row)))),
  ];
  // The header stays in view while scrolling down (a frozen first row).
  return writeXlsxFile(data, { columns: columnWidths(data), stickyRowsCount: 1 }).toBlob();
}

/** Saves the table; `fileName` gets the format's extension if it has not got it already. */
export async function downloadTable<R>(rows: readonly R[], columns: readonly TableColumn<R>[], fileName: string, format: 'csv' | 'xlsx'): Promise<void> {
  const blob =
    format === 'csv' ? new Blob([tableCsv(rows, columns)], { type: 'text/csv;charset=utf-8' }) : await tableXlsx(rows, columns);
  const name = safeFileName(fileName);
  saveBlob(blob, name.toLowerCase().endsWith(`.${format}`) ? name : `${name}.${format}`);
}
