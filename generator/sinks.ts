/**
 * Where rows go: a CSV file in one of the encodings real exports use (UTF-8, UTF-8 with BOM, GBK),
 * or an XLSX workbook. A sink counts rows the way a spreadsheet numbers them — title rows, the
 * header and blank lines included — so the truth file can name a row as a clerk would find it.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

export type FileEncoding = 'utf-8' | 'utf-8-bom' | 'gbk' | 'xlsx';

export interface Sink {
  readonly file: string;
  /** The spreadsheet row number of the last row written (the header's when none yet). */
  readonly rowNo: number;
  write(cells: readonly string[]): number;
  blank(): void;
  close(): Promise<void>;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const FLUSH_CHARS = 1 << 20;

export class CsvSink implements Sink {
  private fd: number;
  private parts: string[] = [];
  private size = 0;
  rowNo: number;
  private readonly eol: string;

  constructor(
    readonly file: string,
    headers: readonly string[],
    private readonly encoding: Exclude<FileEncoding, 'xlsx'>,
    titleRows: readonly string[] = [],
  ) {
    this.fd = fs.openSync(file, 'w');
    // Exports from Windows tools (GBK, or UTF-8 with a BOM for Excel) end lines with CRLF.
    this.eol = encoding === 'utf-8' ? '\n' : '\r\n';
    if (encoding === 'utf-8-bom') this.push('\uFEFF');
    for (const title of titleRows) this.push(csvField(title) + this.eol);
    this.push(headers.map(csvField).join(',') + this.eol);
    this.rowNo = titleRows.length + 1;
  }

  private push(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= FLUSH_CHARS) this.flush();
  }

  private flush(): void {
    if (this.parts.length === 0) return;
    const text = this.parts.join('');
    this.parts = [];
    this.size = 0;
    let bytes: Buffer;
    if (this.encoding === 'gbk') {
      bytes = iconv.encode(text, 'gbk');
      // A character GBK lacks would be written as '?': fail here rather than ship a wrong name.
      if (iconv.decode(bytes, 'gbk') !== text) throw new Error(`generator: text not representable in GBK in ${this.file}`);
    } else {
      bytes = Buffer.from(text, 'utf8');
    }
    fs.writeSync(this.fd, bytes);
  }

  write(cells: readonly string[]): number {
    this.push(cells.map(csvField).join(',') + this.eol);
    return ++this.rowNo;
  }

  /** An empty line, as exports that were edited by hand carry; spreadsheets number it too. */
  blank(): void {
    this.push(this.eol);
    this.rowNo++;
  }

  async close(): Promise<void> {
    this.flush();
    fs.closeSync(this.fd);
  }
}

/**
 * An XLSX workbook with one sheet, a title row above the header as exported reports have. The rows
 * of the small kind written this way are kept until close, then streamed out by exceljs's writer.
 */
export class XlsxSink implements Sink {
  private rows: string[][] = [];
  rowNo: number;

  constructor(
    readonly file: string,
    private readonly headers: readonly string[],
    private readonly sheetName: string,
    private readonly titleRows: readonly string[] = [],
  ) {
    this.rowNo = titleRows.length + 1;
  }

  write(cells: readonly string[]): number {
    this.rows.push([...cells]);
    return ++this.rowNo;
  }

  blank(): void {
    this.rows.push([]);
    this.rowNo++;
  }

  async close(): Promise<void> {
    // A fixed date: the workbook's properties must not change the bytes from one run to the next.
    const fixed = new Date(Date.UTC(2024, 5, 30));
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: this.file, useStyles: false, useSharedStrings: false, created: fixed, modified: fixed, creator: 'chuantou', lastModifiedBy: 'chuantou' } as never);
    const sheet = workbook.addWorksheet(this.sheetName);
    for (const title of this.titleRows) sheet.addRow([title]).commit();
    sheet.addRow([...this.headers]).commit();
    for (const row of this.rows) sheet.addRow(row).commit();
    sheet.commit();
    await workbook.commit();
    fixZipTimes(this.file);
  }
}

/** DOS date of 2024-06-30 00:00, for every entry of the archive. */
const DOS_DATE = ((2024 - 1980) << 9) | (6 << 5) | 30;

/**
 * The ZIP writer stamps each entry with the current time; rewriting the stamps (in the central
 * directory and in each local header, neither covered by a CRC) makes the workbook's bytes a
 * function of its content only.
 */
export function fixZipTimes(file: string): void {
  const buf = fs.readFileSync(file);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`generator: ${file} has no ZIP end record`);
  const entries = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`generator: bad ZIP directory in ${file}`);
    buf.writeUInt16LE(0, at + 12);
    buf.writeUInt16LE(DOS_DATE, at + 14);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    zeroTimestampExtras(buf, at + 46 + nameLength, extraLength);
    const local = buf.readUInt32LE(at + 42);
    buf.writeUInt16LE(0, local + 10);
    buf.writeUInt16LE(DOS_DATE, local + 12);
    zeroTimestampExtras(buf, local + 30 + buf.readUInt16LE(local + 26), buf.readUInt16LE(local + 28));
    at += 46 + nameLength + extraLength + commentLength;
  }
  fs.writeFileSync(file, buf);
}

/** Extended-timestamp (0x5455) and NTFS (0x000a) extra fields carry times too. */
function zeroTimestampExtras(buf: Buffer, start: number, length: number): void {
  let p = start;
  while (p + 4 <= start + length) {
    const id = buf.readUInt16LE(p);
    const size = buf.readUInt16LE(p + 2);
    if (id === 0x5455 || id === 0x000a) buf.fill(0, p + 4 + (id === 0x5455 ? 1 : 0), p + 4 + size);
    p += 4 + size;
  }
}
