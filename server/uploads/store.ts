import crypto from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import Busboy from 'busboy';
import { z } from 'zod';

/**
 * Uploaded files, kept under `<data dir>/uploads/<upload id>/`: the bytes as they arrived and a
 * `meta.json` saying who sent them, when, their size and SHA-256. The body is streamed from the
 * socket to the disk (busboy parses the multipart framing chunk by chunk), so a file of any size
 * costs the server a few buffers of memory; the size cap is counted as bytes arrive, and a file
 * past it is deleted before anything is answered.
 */

export const uploadIdSchema = z.string().regex(/^upl-\d{8}T\d{6}-[0-9a-f]{12}$/, '不是上传编号 / not an upload id');

export interface UploadRecord {
  id: string;
  /** The client's file name, sanitised: shown to users and in provenance, never trusted as a path. */
  fileName: string;
  bytes: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
}

const recordSchema = z.object({
  id: uploadIdSchema,
  fileName: z.string().min(1),
  bytes: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
});

/** Why an upload was refused; `status` and `code` go to the client as they are. */
export class UploadRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE' | 'BAD_REQUEST' | 'REQUEST_ABORTED',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Room for the multipart framing around the file (boundaries, part headers): a declared body
 * longer than the cap plus this cannot hold a file within the cap, and is refused unread.
 */
const FRAMING_BYTES = 64 * 1024;

const FILE_NAME_MAX = 120;

/**
 * A file name a person would recognise, safe wherever it is shown or written: the last segment
 * of whatever path the client sent, without control characters, characters Windows forbids, or
 * leading dots (no hidden file, no `..`), at most 120 characters with its extension kept.
 */
export function sanitiseFileName(raw: string): string {
  const last = raw.split(/[/\\]/).pop() ?? '';
  let name = last
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"|?*\u202a-\u202e\u2066-\u2069]/g, '')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if ([...name].length > FILE_NAME_MAX) {
    const ext = path.extname(name).slice(0, 16);
    name = [...name.slice(0, name.length - ext.length)].slice(0, FILE_NAME_MAX - ext.length).join('') + ext;
  }
  return name || 'upload';
}

function newUploadId(): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
  return `upl-${stamp}-${crypto.randomBytes(6).toString('hex')}`;
}

export class UploadStore {
  constructor(
    readonly dir: string,
    readonly maxBytes: number,
  ) {}

  /** The folder of an upload; the id is checked first, so no id names a folder outside `dir`. */
  private folder(id: string): string {
    return path.join(this.dir, uploadIdSchema.parse(id));
  }

  get(id: string): UploadRecord | null {
    if (!uploadIdSchema.safeParse(id).success) return null;
    try {
      return recordSchema.parse(JSON.parse(fs.readFileSync(path.join(this.folder(id), 'meta.json'), 'utf8')));
    } catch {
      return null;
    }
  }

  /** Where the upload's bytes are: its folder plus its sanitised name, so the importers' provenance names the file as the user does. */
  filePath(record: UploadRecord): string {
    return path.join(this.folder(record.id), record.fileName);
  }

  remove(record: UploadRecord): void {
    fs.rmSync(this.folder(record.id), { recursive: true, force: true });
  }

  /** A file written beside the upload (a column mapping the user gave for it). */
  sidePath(record: UploadRecord, name: string): string {
    return path.join(this.folder(record.id), '.side', name);
  }

  /** The upload an upload file path lies in, if it is one of this store's. */
  uploadOfFile(file: string): string | null {
    const relative = path.relative(this.dir, file);
    const [id] = relative.split(path.sep);
    return !relative.startsWith('..') && id && uploadIdSchema.safeParse(id).success ? id : null;
  }

  /**
   * Streams the one file of a multipart/form-data request to disk and records it. Refused (and
   * nothing left on disk): a body that is not multipart, no file or more than one, a file past
   * the cap (as soon as it passes it), a request that breaks off.
   */
  async receive(req: http.IncomingMessage, uploadedBy: string): Promise<UploadRecord> {
    const declared = req.headers['content-length'];
    if (declared !== undefined && Number(declared) > this.maxBytes + FRAMING_BYTES) throw tooLarge(this.maxBytes);
    let parser: Busboy.Busboy;
    try {
      parser = Busboy({
        headers: req.headers,
        // File names arrive as UTF-8 (what browsers send); busboy would read them as Latin-1.
        defParamCharset: 'utf8',
        limits: { files: 1, fileSize: this.maxBytes, fields: 20, fieldSize: 4096, parts: 21, headerPairs: 20 },
      });
    } catch {
      throw new UploadRefusal(415, 'UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传一个文件 / send one file as multipart/form-data');
    }
    const id = newUploadId();
    const folder = this.folder(id);
    fs.mkdirSync(folder, { recursive: true });
    try {
      const received = await streamFile(req, parser, folder, this.maxBytes);
      const record: UploadRecord = { id, ...received, uploadedBy, uploadedAt: new Date().toISOString() };
      fs.renameSync(path.join(folder, '.incoming'), this.filePath(record));
      fs.writeFileSync(path.join(folder, 'meta.json'), JSON.stringify(record, null, 2), { mode: 0o600 });
      return record;
    } catch (error) {
      fs.rmSync(folder, { recursive: true, force: true });
      throw error;
    }
  }
}

function tooLarge(maxBytes: number): UploadRefusal {
  return new UploadRefusal(413, 'PAYLOAD_TOO_LARGE', `文件超过上限 ${maxBytes} 字节 / the file is larger than the limit of ${maxBytes} bytes (CHUANTOU_MAX_UPLOAD_BYTES)`);
}

/** The parser's work on one request: the file written to `<folder>/.incoming`, its name, size and hash. */
function streamFile(req: http.IncomingMessage, parser: Busboy.Busboy, folder: string, maxBytes: number): Promise<{ fileName: string; bytes: number; sha256: string }> {
  return new Promise((resolve, reject) => {
    let settled = false;
    let written: Promise<{ fileName: string; bytes: number; sha256: string }> | null = null;
    let writing: Transform | null = null;
    const fail = (refusal: Error) => {
      if (settled) return;
      settled = true;
      // The rest of the body is read and dropped, so that the client, still sending, reads the
      // refusal instead of a reset connection.
      req.unpipe(parser);
      req.resume();
      reject(refusal);
      // Not at once: busboy calls here from inside its parsing ('limit') and goes on with its own
      // state after the call. Destroying one stage of the file's pipeline closes the others, the
      // file's descriptor with them.
      setImmediate(() => {
        writing?.destroy(refusal);
        parser.removeAllListeners();
        parser.on('error', () => undefined);
        parser.destroy();
      });
    };
    parser.on('file', (_field, stream, info) => {
      if (written) {
        stream.resume();
        return;
      }
      const hash = crypto.createHash('sha256');
      let bytes = 0;
      const measure = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          hash.update(chunk);
          bytes += chunk.length;
          done(null, chunk);
        },
      });
      writing = measure;
      stream.on('limit', () => fail(tooLarge(maxBytes)));
      const out = fs.createWriteStream(path.join(folder, '.incoming'), { flags: 'wx', mode: 0o600 });
      written = pipeline(stream, measure, out).then(() => ({ fileName: sanitiseFileName(info.filename ?? ''), bytes, sha256: hash.digest('hex') }));
      // Observed here: a failure after fail() has answered must not go unhandled.
      written.catch(() => undefined);
    });
    parser.on('filesLimit', () => fail(new UploadRefusal(400, 'BAD_REQUEST', '每次只能上传一个文件 / one file per request')));
    parser.on('partsLimit', () => fail(new UploadRefusal(400, 'BAD_REQUEST', '表单部分过多 / too many form parts')));
    parser.on('fieldsLimit', () => fail(new UploadRefusal(400, 'BAD_REQUEST', '表单字段过多 / too many form fields')));
    parser.on('error', (error: Error) => fail(new UploadRefusal(400, 'BAD_REQUEST', `multipart 格式无效 / malformed multipart body: ${error.message}`)));
    parser.on('close', () => {
      if (settled) return;
      if (!written) {
        fail(new UploadRefusal(400, 'BAD_REQUEST', '请求中没有文件 / the request carries no file'));
        return;
      }
      written.then(
        (file) => {
          if (settled) return;
          settled = true;
          resolve(file);
        },
        (error: Error) => fail(new UploadRefusal(400, 'REQUEST_ABORTED', `文件未完整接收 / the file was not received in full: ${error.message}`)),
      );
    });
    const aborted = () => fail(new UploadRefusal(400, 'REQUEST_ABORTED', '请求未完整发送 / the request was not sent in full'));
    req.once('close', () => {
      if (!req.complete) aborted();
    });
    req.once('error', aborted);
    req.pipe(parser);
  });
}
