import { csvRecords } from './csvTable.ts';
import type { Encoding } from './encoding.ts';
import type { TableRow } from './table.ts';

/**
 * The CSV reader as importFiles.ts first used it: every record, header included. New code reads
 * through `openFile` (source.ts), which gives every format the same Table shape.
 */

export { detectEncoding, type Encoding } from './encoding.ts';
export { UnreadableFileError } from './unreadable.ts';

/** Row number as a spreadsheet shows it: the header is row 1. */
export type CsvRow = TableRow;

export function csvRows(file: string, encoding: Encoding): AsyncGenerator<CsvRow> {
  return csvRecords(file, encoding);
}
