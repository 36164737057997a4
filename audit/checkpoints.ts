import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { AuditHead } from './types.ts';

/**
 * Checkpoints of the chain head outside the store: one file a day, `YYYY-MM-DD.json` (the UTC day
 * of the entry, as its `at` is written), holding that day's latest head. Whoever rewrites the
 * store — deletes its tail, or edits an entry and recomputes every HMAC with the key — cannot
 * make it agree with the heads already written here.
 */

const DAY_FILE = /^\d{4}-\d{2}-\d{2}\.json$/;

const checkpointSchema = z.object({
  seq: z.number().int().min(1),
  hmac: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string().min(1),
});

export interface Checkpoint extends AuditHead {
  /** The file's name, e.g. 2026-03-01.json. */
  file: string;
}

export type CheckpointRead = { ok: true; checkpoint: Checkpoint } | { ok: false; file: string; error: string };

function readCheckpoint(dir: string, file: string): CheckpointRead {
  try {
    const parsed = checkpointSchema.safeParse(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
    if (!parsed.success) return { ok: false, file, error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
    return { ok: true, checkpoint: { ...parsed.data, file } };
  } catch (error) {
    return { ok: false, file, error: (error as Error).message };
  }
}

/** Every day's checkpoint, oldest day first; a file that cannot be read is returned as such, for verify to name. */
export function readCheckpoints(dir: string): CheckpointRead[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => DAY_FILE.test(f))
    .sort()
    .map((f) => readCheckpoint(dir, f));
}

/**
 * Records the head in its day's file, written whole under another name and renamed into place
 * (mode 0600), so a crash never leaves half a checkpoint. A head older than the one the file
 * already holds is not written: two processes appending at once finish in either order, and the
 * file must not go back. (Between the read and the rename another process may still finish
 * first; the file then lags one entry behind until the next append, which is never a false alarm.)
 */
export function writeCheckpoint(dir: string, head: AuditHead): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = `${head.at.slice(0, 10)}.json`;
  const existing = fs.existsSync(path.join(dir, file)) ? readCheckpoint(dir, file) : null;
  if (existing?.ok && existing.checkpoint.seq >= head.seq) return;
  const target = path.join(dir, file);
  const temporary = `${target}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify({ seq: head.seq, hmac: head.hmac, at: head.at })}\n`, { mode: 0o600, flag: 'wx' });
  try {
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}
