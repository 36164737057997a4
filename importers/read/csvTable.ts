import fs from 'node:fs';
import { pipeline } from 'node:stream';
import { parse, CsvError } from 'csv-parse';
import iconv from 'iconv-lite';
import type { Encoding } from './encoding.ts';
import { isBlank, padCells, type Table, type TableRow } from './table.ts';
import { unreadable } from './unreadable.ts';

/**
 * Streams a CSV file as rows, whatever its encoding (UTF-8, UTF-8 with BOM, GBK/GB18030): memory
 * stays flat because only one chunk is decoded and parsed at a time.
 */

/** Every record, the header included. Blank lines are skipped but still counted, as a spreadsheet shows them. */
export async function* csvRecords(file: string, encoding: Encoding): AsyncGenerator<TableRow> {
  const parser = parse({
    bom: true,
    relax_column_count: true,
    // Registry exports hold unescaped quotes inside unquoted fields (北京"某某"公司): keep them as text.
    relax_quotes: true,
    skip_empty_lines: true,
    info: true,
    trim: false,
  });
  // pipeline, not pipe: a read error must reach the loop below, and leaving the loop must close the file.
  pipeline(fs.createReadStream(file), iconv.decodeStream(encoding, { stripBOM: true }), parser, () => {});
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { records: number; empty_lines: number } }>) {
      // Not info.lines: a quoted cell spanning lines is still one spreadsheet row.
      yield { row: info.records + info.empty_lines, cells: record };
    }
  } catch (error) {
    if (error instanceof CsvError && error.code === 'CSV_QUOTE_NOT_CLOSED') {
      // The record that never ends is the one after those parsed, counted as rows are above.
      const row = typeof error.records === 'number' && typeof error.empty_lines === 'number' ? String(error.records + error.empty_lines + 1) : '?';
      throw unreadable(
        'FILE_TRUNCATED',
        file,
        `第 ${row} 行的引号直到文件末尾都没有闭合：文件可能不完整，或该行多了一个引号，请检查后重新导出`,
        `a quote in row ${row} is never closed: the file may be cut short, or that row has a stray quote; check it and export again`,
        error,
      );
    }
    throw error;
  }
}

export async function openCsv(file: string, encoding: Encoding): Promise<Table> {
  let header: TableRow | undefined;
  for await (const record of csvRecords(file, encoding)) {
    header = record;
    break;
  }
  if (!header || isBlank(header.cells)) {
    throw unreadable('FILE_EMPTY', file, '文件没有表头（第一行为空），请确认第一行是列名', 'the file has no header (its first row is empty); the first row must name the columns');
  }
  const headers = header.cells;
  return {
    file,
    sheet: null,
    headers,
    async *rows() {
      let first = true;
      for await (const record of csvRecords(file, encoding)) {
        if (first) {
          first = false;
          continue;
        }
        yield { row: record.row, cells: padCells(record.cells, headers.length) };
      }
    },
  };
}
