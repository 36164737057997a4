import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { z } from 'zod';
import type { ExportStamp } from './document.ts';

/**
 * The evidence bundle (证据包): one zip of a report run's files and a manifest.json naming each
 * file with its size and SHA-256, the run's content hash and the audit entry that recorded the
 * export. Rules on electronic evidence ask for each file's integrity value: the manifest is that,
 * and `verifyBundle` is how anyone holding the zip checks it (`npx chuantou bundle verify FILE`).
 *
 * The verifier trusts nothing in the zip: every listed file must be there with its hash, nothing
 * may be there that is not listed (an added file would ride on the manifest's credibility), and
 * the manifest itself must be well formed. The manifest does not vouch for itself; the content
 * hash and the audit entry (its HMAC) tie it to the run and the audit trail, which hold the truth.
 */

export const BUNDLE_FORMAT = 'chuantou.bundle/1';
export const MANIFEST_NAME = 'manifest.json';

export interface BundleFile {
  name: string;
  bytes: Buffer;
}

export interface BundleStamp extends ExportStamp {
  runId: string;
  contentHash: string;
  auditEntry: { seq: number; hmac: string; at: string };
}

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const bundleManifest = z.object({
  format: z.literal(BUNDLE_FORMAT),
  runId: z.string().min(1),
  contentHash: sha256Hex,
  exportedBy: z.string().min(1),
  exportedAt: z.string().min(1),
  auditEntry: z.object({ seq: z.number().int().nonnegative(), hmac: z.string().min(1), at: z.string().min(1) }),
  files: z
    .array(z.object({ name: z.string().min(1), bytes: z.number().int().nonnegative(), sha256: sha256Hex }))
    .refine((files) => new Set(files.map((f) => f.name)).size === files.length, { message: '文件名重复 / a file is listed twice' }),
});
export type BundleManifest = z.infer<typeof bundleManifest>;

/**
 * FILE_MISSING, HASH_MISMATCH (content or size differs), FILE_UNLISTED, MANIFEST_INVALID as
 * asked; FILE_DUPLICATE (two entries of one name: which one a tool unpacks is up to the tool) and
 * ZIP_INVALID (not a readable zip) for the cases those four do not name.
 */
export type BundleProblemCode = 'FILE_MISSING' | 'HASH_MISMATCH' | 'FILE_UNLISTED' | 'FILE_DUPLICATE' | 'MANIFEST_INVALID' | 'ZIP_INVALID';
export interface BundleProblem {
  code: BundleProblemCode;
  file: string | null;
  message: string;
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A plain relative name: no folders climbing out, no absolute paths, no backslashes a Windows unzip would read as folders. */
function checkName(name: string): void {
  if (name === MANIFEST_NAME || name === '' || name.startsWith('/') || name.includes('\\') || name.split('/').some((p) => p === '..' || p === '.' || p === '') || /[\u0000-\u001f]/.test(name)) {
    throw new Error(`证据包中的文件名不可用 / not a usable file name in a bundle: ${JSON.stringify(name)}`);
  }
}

/** The zip: manifest.json first, then the files in the order given; entries dated at the export, so the same export gives the same bytes. */
export async function evidenceBundle(files: BundleFile[], stamp: BundleStamp): Promise<Buffer> {
  const seen = new Set<string>();
  for (const f of files) {
    checkName(f.name);
    if (seen.has(f.name)) throw new Error(`证据包中文件名重复 / a file name occurs twice in the bundle: ${f.name}`);
    seen.add(f.name);
  }
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    runId: stamp.runId,
    contentHash: stamp.contentHash,
    exportedBy: stamp.exportedBy,
    exportedAt: stamp.exportedAt,
    auditEntry: stamp.auditEntry,
    files: files.map((f) => ({ name: f.name, bytes: f.bytes.length, sha256: sha256(f.bytes) })),
  };
  const parsed = bundleManifest.safeParse(manifest);
  if (!parsed.success) throw new Error(`证据包清单无效 / the bundle manifest would be invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const mtime = Number.isNaN(Date.parse(stamp.exportedAt)) ? new Date(0) : new Date(stamp.exportedAt);
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'), MANIFEST_NAME, { mtime, mode: 0o100644 });
  for (const f of files) zip.addBuffer(f.bytes, f.name, { mtime, mode: 0o100644 });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream as Readable) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A manifest bigger than this is not one of ours; reading it whole would only invite a zip bomb. */
const MANIFEST_MAX_BYTES = 16 * 1024 * 1024;

async function digest(stream: Readable, limit: number | null): Promise<{ sha256: string; bytes: number; text: Buffer | null }> {
  const hash = createHash('sha256');
  const kept: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of stream) {
    const b = chunk as Buffer;
    hash.update(b);
    bytes += b.length;
    if (limit !== null) {
      if (bytes > limit) {
        stream.destroy();
        return { sha256: '', bytes, text: null };
      }
      kept.push(b);
    }
  }
  return { sha256: hash.digest('hex'), bytes, text: limit === null ? null : Buffer.concat(kept) };
}

/** Checks a bundle against its own manifest. `ok` when nothing is wrong; each problem coded and said in Chinese and English. */
export async function verifyBundle(zipBytes: Buffer): Promise<{ ok: boolean; manifest: unknown; problems: BundleProblem[] }> {
  const problems: BundleProblem[] = [];
  const entries = new Map<string, { sha256: string; bytes: number }>();
  let manifestBytes: Buffer | null = null;
  let manifestTooLarge = false;
  try {
    // Names are compared as stored; yauzl's own checks refuse absolute and climbing paths.
    const zip = await yauzl.fromBufferPromise(zipBytes, { lazyEntries: true, validateEntrySizes: true });
    try {
      for (;;) {
        const entry = await new Promise<yauzl.Entry | null>((resolve, reject) => {
          const onEntry = (e: yauzl.Entry) => done(resolve, e);
          const onEnd = () => done(resolve, null);
          const onError = (err: Error) => done(reject, err);
          const done = <T>(f: (v: T) => void, v: T) => {
            zip.off('entry', onEntry).off('end', onEnd).off('error', onError);
            f(v);
          };
          zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
          zip.readEntry();
        });
        if (!entry) break;
        const name = entry.fileName;
        if (name === MANIFEST_NAME) {
          const read = await digest(await zip.openReadStreamPromise(entry), MANIFEST_MAX_BYTES);
          if (manifestBytes !== null || manifestTooLarge) problems.push({ code: 'FILE_DUPLICATE', file: name, message: `清单出现不止一次 / the manifest occurs more than once` });
          manifestTooLarge ||= read.text === null;
          manifestBytes ??= read.text;
          continue;
        }
        if (entries.has(name)) {
          problems.push({ code: 'FILE_DUPLICATE', file: name, message: `文件 ${name} 出现不止一次 / ${name} occurs more than once in the zip` });
          continue;
        }
        entries.set(name, name.endsWith('/') ? { sha256: '', bytes: 0 } : await digest(await zip.openReadStreamPromise(entry), null));
      }
    } finally {
      zip.close();
    }
  } catch (err) {
    problems.push({ code: 'ZIP_INVALID', file: null, message: `不是可读的 zip 文件 / not a readable zip: ${(err as Error).message}` });
    return { ok: false, manifest: null, problems };
  }

  let manifestJson: unknown = null;
  if (manifestBytes === null) {
    problems.push({ code: 'MANIFEST_INVALID', file: MANIFEST_NAME, message: manifestTooLarge ? '清单过大 / the manifest is too large to be one' : '缺少 manifest.json / manifest.json is missing' });
    return { ok: false, manifest: null, problems };
  }
  try {
    manifestJson = JSON.parse(manifestBytes.toString('utf8'));
  } catch (err) {
    problems.push({ code: 'MANIFEST_INVALID', file: MANIFEST_NAME, message: `manifest.json 不是 JSON / manifest.json is not JSON: ${(err as Error).message}` });
    return { ok: false, manifest: null, problems };
  }
  const manifest = bundleManifest.safeParse(manifestJson);
  if (!manifest.success) {
    const detail = manifest.error.issues.map((i) => `${i.path.join('.') || '(manifest)'}: ${i.message}`).join('; ');
    problems.push({ code: 'MANIFEST_INVALID', file: MANIFEST_NAME, message: `清单格式不符 / the manifest is not well formed: ${detail}` });
    return { ok: false, manifest: manifestJson, problems };
  }

  const listed = new Set<string>();
  for (const f of manifest.data.files) {
    listed.add(f.name);
    const found = entries.get(f.name);
    if (!found) problems.push({ code: 'FILE_MISSING', file: f.name, message: `清单所列文件 ${f.name} 不在包中 / ${f.name} is listed but not in the zip` });
    else if (found.sha256 !== f.sha256 || found.bytes !== f.bytes)
      problems.push({
        code: 'HASH_MISMATCH',
        file: f.name,
        message: `${f.name} 与清单不符（SHA-256 ${found.sha256}，${found.bytes} 字节；清单 ${f.sha256}，${f.bytes} 字节）/ ${f.name} differs from the manifest (SHA-256 ${found.sha256}, ${found.bytes} bytes; listed ${f.sha256}, ${f.bytes} bytes)`,
      });
  }
  for (const name of entries.keys()) {
    if (!listed.has(name)) problems.push({ code: 'FILE_UNLISTED', file: name, message: `${name} 在包中但清单未列 / ${name} is in the zip but not in the manifest` });
  }
  return { ok: problems.length === 0, manifest: manifest.data, problems };
}
