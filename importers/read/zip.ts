import fs from 'node:fs';
import { pipeline, Readable } from 'node:stream';
import zlib from 'node:zlib';
import { unreadable } from './unreadable.ts';

/**
 * Just enough of the ZIP format to check that an XLSX is whole and to read its parts out of order.
 *
 * A ZIP file ends with its central directory, the list of its entries: a file cut short (an
 * interrupted copy, download or upload) has none, so reading the directory proves the file is
 * complete before a single row is imported. The directory also gives every entry's offset, so a
 * sheet can be streamed on its own, after the shared strings and styles it depends on, whatever
 * order the writer stored the parts in.
 */

export interface ZipEntry {
  name: string;
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
  /** Where the entry's stored bytes end at the latest: the next entry's header, or the directory. */
  limit: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** The directory of a workbook lists a few dozen parts; anything this large is not a workbook. */
const MAX_DIRECTORY = 64 * 1024 * 1024;

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const read = fs.readSync(fd, buffer, 0, length, position);
  return buffer.subarray(0, read);
}

const truncated = (file: string, cause?: unknown) =>
  unreadable(
    'FILE_TRUNCATED',
    file,
    'XLSX 文件不完整或已损坏（可能复制或下载中断），请重新导出或重新复制该文件',
    'the XLSX file is incomplete or damaged (an interrupted copy or download?); export or copy it again',
    cause,
  );

/** Reads and checks the central directory; throws FILE_TRUNCATED when it is missing or points past the data. */
export function readZipDirectory(file: string): ZipEntry[] {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    // The end record is 22 bytes plus a comment of at most 65,535.
    const tailStart = Math.max(0, size - (22 + 0xffff));
    const tail = readAt(fd, tailStart, size - tailStart);
    let at = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD && i + 22 + tail.readUInt16LE(i + 20) <= tail.length) {
        at = i;
        break;
      }
    }
    if (at < 0) throw truncated(file);
    let count = tail.readUInt16LE(at + 10);
    let directorySize = tail.readUInt32LE(at + 12);
    let directoryOffset = tail.readUInt32LE(at + 16);
    let directoryEnd = tailStart + at;
    if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
      const locatorAt = at - 20;
      if (locatorAt < 0 || tail.readUInt32LE(locatorAt) !== ZIP64_LOCATOR) throw truncated(file);
      const recordOffset = Number(tail.readBigUInt64LE(locatorAt + 8));
      const record = readAt(fd, recordOffset, 56);
      if (record.length < 56 || record.readUInt32LE(0) !== ZIP64_EOCD) throw truncated(file);
      count = Number(record.readBigUInt64LE(32));
      directorySize = Number(record.readBigUInt64LE(40));
      directoryOffset = Number(record.readBigUInt64LE(48));
      directoryEnd = recordOffset;
    }
    if (directoryOffset + directorySize > directoryEnd || directorySize > MAX_DIRECTORY) throw truncated(file);
    const directory = readAt(fd, directoryOffset, directorySize);
    if (directory.length < directorySize) throw truncated(file);

    const entries: ZipEntry[] = [];
    let p = 0;
    for (let i = 0; i < count; i++) {
      if (p + 46 > directory.length || directory.readUInt32LE(p) !== CENTRAL) throw truncated(file);
      const nameLength = directory.readUInt16LE(p + 28);
      const extraLength = directory.readUInt16LE(p + 30);
      const commentLength = directory.readUInt16LE(p + 32);
      const entry: ZipEntry = {
        name: directory.toString('utf8', p + 46, p + 46 + nameLength),
        method: directory.readUInt16LE(p + 10),
        crc32: directory.readUInt32LE(p + 16),
        compressedSize: directory.readUInt32LE(p + 20),
        uncompressedSize: directory.readUInt32LE(p + 24),
        localOffset: directory.readUInt32LE(p + 42),
        limit: directoryOffset,
      };
      readZip64Sizes(entry, directory.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength));
      entries.push(entry);
      p += 46 + nameLength + extraLength + commentLength;
    }
    const byOffset = [...entries].sort((a, b) => a.localOffset - b.localOffset);
    byOffset.forEach((entry, i) => {
      entry.limit = byOffset[i + 1]?.localOffset ?? directoryOffset;
      if (entry.localOffset + 30 + entry.compressedSize > entry.limit) throw truncated(file);
    });
    return entries;
  } finally {
    fs.closeSync(fd);
  }
}

/** Sizes and offsets too large for 32 bits live in the ZIP64 extra field, in this order, only when flagged. */
function readZip64Sizes(entry: ZipEntry, extra: Buffer): void {
  for (let p = 0; p + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(p);
    const length = extra.readUInt16LE(p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      const next = () => {
        const value = q + 8 <= p + 4 + length ? Number(extra.readBigUInt64LE(q)) : undefined;
        q += 8;
        return value;
      };
      if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = next() ?? entry.uncompressedSize;
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next() ?? entry.compressedSize;
      if (entry.localOffset === 0xffffffff) entry.localOffset = next() ?? entry.localOffset;
      return;
    }
    p += 4 + length;
  }
}

const unsupportedCompression = (file: string, entry: ZipEntry) =>
  unreadable(
    'FILE_NOT_SPREADSHEET',
    file,
    `XLSX 使用了不支持的压缩方式（${entry.method}），请用 Excel 或 WPS 重新另存为 .xlsx`,
    `the XLSX uses an unsupported compression (${entry.method}); save it again as .xlsx from Excel or WPS`,
  );

/** Offset of an entry's data, after checking its local header is where the directory says. */
function dataOffset(file: string, fd: number, entry: ZipEntry): number {
  const header = readAt(fd, entry.localOffset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL) throw truncated(file);
  const start = entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (start + entry.compressedSize > entry.limit) throw truncated(file);
  return start;
}

/** One entry's content, whole: for the small parts (workbook.xml, its relationships). */
export function readZipEntry(file: string, entry: ZipEntry, maxBytes = 64 * 1024 * 1024): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const data = readAt(fd, dataOffset(file, fd, entry), entry.compressedSize);
    if (entry.method === 0) return data;
    if (entry.method === 8) return zlib.inflateRawSync(data, { maxOutputLength: maxBytes });
    throw unsupportedCompression(file, entry);
  } catch (error) {
    if (error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('Z_')) throw truncated(file, error);
    throw error;
  } finally {
    fs.closeSync(fd);
  }
}

/** A part to put in a rebuilt archive: an entry of the file stored under a new name, or content made up on the spot. */
export type ZipPart = { entry: ZipEntry; name: string } | { name: string; content: Buffer };

/** The local header of a stored (uncompressed) entry. */
function localHeader(name: string, crc32: number, size: number): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const zip64 = size >= 0xffffffff;
  const extra = Buffer.alloc(zip64 ? 20 : 0);
  if (zip64) {
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(16, 2);
    extra.writeBigUInt64LE(BigInt(size), 4);
    extra.writeBigUInt64LE(BigInt(size), 12);
  }
  const header = Buffer.alloc(30);
  header.writeUInt32LE(LOCAL, 0);
  header.writeUInt16LE(zip64 ? 45 : 20, 4);
  // UTF-8 names; no data descriptor, since the sizes are known from the directory.
  header.writeUInt16LE(0x0800, 6);
  header.writeUInt16LE(0, 8);
  header.writeUInt32LE(crc32 >>> 0, 14);
  header.writeUInt32LE(zip64 ? 0xffffffff : size, 18);
  header.writeUInt32LE(zip64 ? 0xffffffff : size, 22);
  header.writeUInt16LE(nameBytes.length, 26);
  header.writeUInt16LE(extra.length, 28);
  return Buffer.concat([header, nameBytes, extra]);
}

/**
 * A stream of a ZIP archive holding only `parts`, in the order given, for a reader that takes
 * entries as they come (exceljs's streaming reader). No central directory follows: a streaming
 * reader stops at the end of the stream.
 *
 * Entries are inflated here and passed on stored, with their length and CRC checked, because
 * exceljs does not surface an inflate error: its zip reader reports it on a stream nobody is
 * listening to while the sheet's reader waits forever for more data. Here a failure rejects the
 * read in progress: the caller wraps each read in `guard`. The last bytes of an entry are held
 * back until its checksum is proven, so a reader never sees a damaged entry end normally.
 * Every part is located and checked before the stream is returned, so a damaged archive throws here.
 */
export function zipPartsStream(file: string, parts: ZipPart[]): { stream: Readable; guard: <T>(read: Promise<T>) => Promise<T> } {
  const fd = fs.openSync(file, 'r');
  let located: ({ name: string; content: Buffer } | { name: string; entry: ZipEntry; start: number })[];
  try {
    located = parts.map((part) => {
      if ('content' in part) return part;
      if (part.entry.method !== 0 && part.entry.method !== 8) throw unsupportedCompression(file, part.entry);
      return { ...part, start: dataOffset(file, fd, part.entry) };
    });
  } finally {
    fs.closeSync(fd);
  }
  // Not Promise.race against one never-settling promise: every race would leave a reaction on it,
  // holding its row, for as long as the sheet is read.
  let failure: { error: unknown } | undefined;
  let abort: ((error: unknown) => void) | undefined;
  const fail = (error: unknown) => {
    failure ??= { error };
    abort?.(error);
  };
  const guard = <T>(read: Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (failure) return reject(failure.error);
      abort = reject;
      read.then(resolve, reject);
    });

  async function* entryBytes(entry: ZipEntry, start: number): AsyncGenerator<Buffer> {
    let source: AsyncIterable<Buffer> = (async function* () {})();
    if (entry.compressedSize > 0) {
      const raw = fs.createReadStream(file, { start, end: start + entry.compressedSize - 1, highWaterMark: 1024 * 1024 });
      source = entry.method === 8 ? pipeline(raw, zlib.createInflateRaw(), () => {}) : raw;
    }
    let crc = 0;
    let length = 0;
    let held: Buffer | undefined;
    for await (const chunk of source) {
      crc = zlib.crc32(chunk, crc);
      length += chunk.length;
      if (length > entry.uncompressedSize) throw new Error(`${entry.name}: more data than the directory declares`);
      if (held) yield held;
      held = chunk;
    }
    if (length !== entry.uncompressedSize || crc >>> 0 !== entry.crc32 >>> 0) throw new Error(`${entry.name}: length or CRC mismatch`);
    if (held) yield held;
  }

  async function* bytes(): AsyncGenerator<Buffer> {
    try {
      for (const part of located) {
        if ('content' in part) {
          yield localHeader(part.name, zlib.crc32(part.content), part.content.length);
          yield part.content;
        } else {
          yield localHeader(part.name, part.entry.crc32, part.entry.uncompressedSize);
          yield* entryBytes(part.entry, part.start);
        }
      }
    } catch (error) {
      fail(error);
      // Failing (not ending) the stream keeps the zip reader from seeing a short archive and
      // raising an error of its own that nobody would hear.
      throw error;
    }
  }
  const stream = Readable.from(bytes(), { objectMode: false });
  stream.on('error', () => {});
  return { stream, guard };
}
