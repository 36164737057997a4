import iconv from 'iconv-lite';
import { openCsv } from './csvTable.ts';
import { encodingOfHead, readHead, type Encoding } from './encoding.ts';
import { openJson, openNdjson } from './jsonTable.ts';
import type { FileFormat, OpenedFile } from './table.ts';
import { unreadable } from './unreadable.ts';
import { openXlsx } from './xlsxTable.ts';

/**
 * One way to read every file the importers accept — CSV, XLSX, JSON, NDJSON — as tables of text
 * rows, streamed so that memory stays flat whatever the file size.
 *
 * openFile reads enough of a file to know it is readable (its format, encoding and the header of
 * every table; for XLSX the ZIP central directory, which only a complete file has) so that an
 * importer can stop before writing anything. What only a full pass could reveal surfaces later,
 * from `rows()`, as an UnreadableFileError: a bad NDJSON line or JSON record after the first 1000,
 * or damaged compressed data inside an otherwise complete XLSX.
 */

export { detectEncoding, type Encoding } from './encoding.ts';
export type { FileFormat, OpenedFile, Table, TableRow } from './table.ts';
export { UnreadableFileError, type UnreadableCode } from './unreadable.ts';

export interface OpenOptions {
  /** Text encoding of a CSV/JSON/NDJSON file; detected when absent. */
  encoding?: Encoding;
  /** The one XLSX sheet to read, by name; every non-empty sheet when absent. Ignored for other formats. */
  sheet?: string;
  /** The format, when the caller knows better than detection. */
  format?: FileFormat;
}

const startsWith = (head: Buffer, bytes: number[]) => bytes.every((b, i) => head[i] === b);

/** Binary formats a clerk may pick by mistake, named so the message can say what was given. */
const NOT_TEXT: { magic: number[]; zh: string; en: string }[] = [
  { magic: [0x25, 0x50, 0x44, 0x46], zh: 'PDF 文件', en: 'a PDF file' },
  { magic: [0x1f, 0x8b], zh: 'gzip 压缩包', en: 'a gzip archive' },
  { magic: [0x52, 0x61, 0x72, 0x21], zh: 'RAR 压缩包', en: 'a RAR archive' },
  { magic: [0x37, 0x7a, 0xbc, 0xaf], zh: '7z 压缩包', en: 'a 7z archive' },
];

function notSpreadsheetXls(file: string) {
  return unreadable(
    'FILE_NOT_SPREADSHEET',
    file,
    '这是旧版 Excel（.xls）文件或加密的 Excel 文件，无法直接读取；请在 Excel 或 WPS 中"另存为" .xlsx 或 CSV（如有密码请先取消）再导入',
    'this is an old Excel (.xls) file or a password-protected workbook; in Excel or WPS use "Save As" .xlsx or CSV (remove any password first) and import that',
  );
}

type Detected = { format: 'xlsx' } | { format: 'csv' | 'json' | 'ndjson'; encoding: Encoding };

/** The format by content: the extension of a renamed export cannot be trusted. */
function detectFormat(file: string, head: Buffer, whole: boolean, encoding?: Encoding): Detected {
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return { format: 'xlsx' };
  if (startsWith(head, [0x50, 0x4b, 0x05, 0x06])) {
    throw unreadable('FILE_NOT_SPREADSHEET', file, '这是一个空的压缩包（ZIP），不是 Excel 工作簿', 'this is an empty ZIP archive, not an Excel workbook');
  }
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0])) throw notSpreadsheetXls(file);
  const binary = NOT_TEXT.find((b) => startsWith(head, b.magic));
  if (binary) {
    throw unreadable('FILE_NOT_TEXT', file, `这是${binary.zh}，不是数据表；请提供 CSV、XLSX 或 JSON 文件`, `this is ${binary.en}, not a table; give a CSV, XLSX or JSON file`);
  }
  encoding ??= encodingOfHead(file, head);
  const text = iconv.decode(head, encoding).replace(/^\uFEFF/, '');
  const first = /\S/.exec(text)?.[0];
  if (first === '[') return { format: 'json', encoding };
  if (first === '{') return { format: ndjsonFirstLine(text, whole) ? 'ndjson' : 'json', encoding };
  return { format: 'csv', encoding };
}

/** The format the caller named, after checking the file can be that at all. */
function givenFormat(file: string, head: Buffer, format: FileFormat, encoding?: Encoding): Detected {
  if (format !== 'xlsx') return { format, encoding: encoding ?? encodingOfHead(file, head) };
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0])) throw notSpreadsheetXls(file);
  if (!startsWith(head, [0x50, 0x4b])) {
    throw unreadable('FILE_NOT_SPREADSHEET', file, '不是 XLSX 工作簿，请在 Excel 或 WPS 中另存为 .xlsx 或 CSV', 'not an XLSX workbook; save it as .xlsx or CSV from Excel or WPS');
  }
  return { format };
}

/**
 * NDJSON when the first line is a complete JSON object. A file that is a single line holding one
 * object with an array of objects in it is the other form of JSON export (`{"records": [...]}`).
 */
function ndjsonFirstLine(text: string, whole: boolean): boolean {
  const start = text.search(/\S/);
  const end = text.indexOf('\n', start);
  // The first line runs past the sample: far longer than any record, so it is not NDJSON.
  if (end < 0 && !whole) return false;
  let value: unknown;
  try {
    value = JSON.parse(end < 0 ? text : text.slice(0, end));
  } catch {
    return false;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const onlyLine = end < 0 || text.slice(end).trim() === '';
  const holdsRecords = Object.values(value).some((v) => Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'object' && x !== null && !Array.isArray(x)));
  return !(onlyLine && whole && holdsRecords);
}

export async function openFile(file: string, options: OpenOptions = {}): Promise<OpenedFile> {
  const { head, whole } = readHead(file);
  if (head.length === 0) throw unreadable('FILE_EMPTY', file, '文件为空', 'the file is empty');
  const detected = options.format ? givenFormat(file, head, options.format, options.encoding) : detectFormat(file, head, whole, options.encoding);
  switch (detected.format) {
    case 'xlsx':
      return { file, format: 'xlsx', encoding: null, tables: await openXlsx(file, options.sheet) };
    case 'csv':
      return { file, format: 'csv', encoding: detected.encoding, tables: [await openCsv(file, detected.encoding)] };
    case 'json':
      return { file, format: 'json', encoding: detected.encoding, tables: [await openJson(file, detected.encoding)] };
    case 'ndjson':
      return { file, format: 'ndjson', encoding: detected.encoding, tables: [await openNdjson(file, detected.encoding)] };
  }
}
