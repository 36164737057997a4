import fs from 'node:fs';
import path from 'node:path';
import type { AuditRecord } from './types.ts';
import type { AuditTrail } from './trail.ts';

/**
 * Operations done while the database is stopped — an offline backup, a restore — cannot be
 * appended to a chain that lives in the database. They are written to a file beside the
 * checkpoints and appended, in order, by the next process that opens the trail (the server's
 * start, any recorded CLI command); the entry keeps the time the operation really happened.
 */

const pendingFile = (checkpointDir: string) => path.join(checkpointDir, '..', 'pending.jsonl');

export function recordPending(checkpointDir: string, record: AuditRecord, at = new Date()): void {
  const file = pendingFile(checkpointDir);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.appendFileSync(file, `${JSON.stringify({ ...record, detail: [record.detail, `发生于 / happened at ${at.toISOString()}`].filter(Boolean).join('; ') })}\n`, { mode: 0o600 });
}

/** Appends what is pending and removes it; returns how many entries it appended. */
export async function appendPending(trail: AuditTrail, checkpointDir: string): Promise<number> {
  const file = pendingFile(checkpointDir);
  if (!fs.existsSync(file)) return 0;
  // Renamed first, so two processes starting together do not both append the same records.
  const claimed = `${file}.${process.pid}`;
  try {
    fs.renameSync(file, claimed);
  } catch {
    return 0;
  }
  const records = fs
    .readFileSync(claimed, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as AuditRecord);
  for (const record of records) await trail.append(record);
  fs.rmSync(claimed);
  return records.length;
}
