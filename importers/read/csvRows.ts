import fs from 'node:fs';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import chardet from 'chardet';

/**
 * Streams a CSV file as rows, whatever its encoding (UTF-8, UTF-8 with BOM, GBK/GB18030): memory
 * stays flat because only one chunk is decoded and parsed at a time.
 */

export type Encoding = 'utf-8' | 'gb18030';

export class UnreadableFileError extends Error {
  constructor(
    readonly code: 'FILE_EMPTY' | 'FILE_ENCODING' | 'FILE_NOT_TEXT' | 'FILE_MISSING',
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

const SAMPLE_BYTES = 256 * 1024;

/** Decides the encoding from the file's first bytes: a BOM, valid UTF-8, else what chardet says of Chinese text. */
export function detectEncoding(file: string): Encoding {
  if (!fs.existsSync(file)) throw new UnreadableFileError('FILE_MISSING', file, `文件不存在 / file not found: ${file}`);
  const fd = fs.openSync(file, 'r');
  const sample = Buffer.alloc(SAMPLE_BYTES);
  const length = fs.readSync(fd, sample, 0, SAMPLE_BYTES, 0);
  fs.closeSync(fd);
  const bytes = sample.subarray(0, length);
  if (length === 0) throw new UnreadableFileError('FILE_EMPTY', file, `文件为空 / the file is empty: ${file}`);
  if (bytes.includes(0)) throw new UnreadableFileError('FILE_NOT_TEXT', file, `不是文本文件（CSV）/ not a text (CSV) file: ${file}`);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  // A sample may end inside a multi-byte character; cut back to the last complete one.
  const whole = length === SAMPLE_BYTES ? bytes.subarray(0, length - 4) : bytes;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(whole);
    return 'utf-8';
  } catch {
    const guess = chardet.detect(whole);
    if (guess && /^(GB|Big5|EUC|ISO-2022-CN)/i.test(guess)) return 'gb18030';
    throw new UnreadableFileError(
      'FILE_ENCODING',
      file,
      `无法识别文件编码（支持 UTF-8、GBK/GB18030），可用 --encoding 指定 / unknown encoding (${guess ?? '?'}); UTF-8 and GBK/GB18030 are read, --encoding overrides: ${file}`,
    );
  }
}

export interface CsvRow {
  /** Row number as a spreadsheet shows it: the header is row 1. */
  row: number;
  cells: string[];
}

export async function* csvRows(file: string, encoding: Encoding): AsyncGenerator<CsvRow> {
  const parser = fs
    .createReadStream(file)
    .pipe(iconv.decodeStream(encoding, { stripBOM: true }))
    .pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true, trim: false }));
  for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    yield { row: record.info.lines, cells: record.record };
  }
}
