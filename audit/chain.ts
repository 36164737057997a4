import crypto from 'node:crypto';
import type { AuditEntry, AuditRecord } from './types.ts';

/**
 * The chain's arithmetic: each entry's HMAC covers the previous entry's HMAC and the entry's own
 * content in one canonical text, so that changing, removing or reordering any entry changes every
 * HMAC after it — and recomputing them needs the key, which the store never holds.
 */

/**
 * JSON with object keys sorted at every level and no spaces: one text for one value, whatever the
 * order its keys were built in, so the HMAC a later check recomputes is the one appended.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return canonicalJson((value as { toJSON: () => unknown }).toJSON());
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'bigint':
      return JSON.stringify(value.toString());
    case 'function':
    case 'symbol':
      return 'null';
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const fields = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`);
  return `{${fields.join(',')}}`;
}

/**
 * An entry as stored: every optional field present (null when not given), the parameters as
 * their canonical JSON text, numbers whole. What is hashed is exactly what is stored, so a check
 * reading the store back recomputes the same text.
 */
export interface StoredEntry {
  seq: number;
  at: string;
  actorName: string;
  actorVia: AuditRecord['actor']['via'];
  actorRole: string | null;
  action: AuditRecord['action'];
  operation: string;
  outcome: AuditRecord['outcome'];
  address: string | null;
  params: string | null;
  reason: string | null;
  resultCount: number | null;
  durationMs: number | null;
  detail: string | null;
  hmac: string;
}

const whole = (n: number | null | undefined): number | null => (typeof n === 'number' && Number.isFinite(n) ? Math.round(n) : null);

/** The stored form of a record at its place in the chain, without its HMAC yet. */
export function storedContent(record: AuditRecord, seq: number, at: string): Omit<StoredEntry, 'hmac'> {
  return {
    seq,
    at,
    actorName: record.actor.name,
    actorVia: record.actor.via,
    actorRole: record.actor.role ?? null,
    action: record.action,
    operation: record.operation,
    outcome: record.outcome,
    address: record.address ?? null,
    params: record.params === undefined || record.params === null ? null : canonicalJson(record.params),
    reason: record.reason ?? null,
    resultCount: whole(record.resultCount),
    durationMs: whole(record.durationMs),
    detail: record.detail ?? null,
  };
}

/** HMAC-SHA256 (hex) over the previous entry's HMAC ('' before the first) and the entry's canonical content. */
export function entryHmac(key: Buffer, previousHmac: string, content: Omit<StoredEntry, 'hmac'>): string {
  const { seq, at, actorName, actorVia, actorRole, action, operation, outcome, address, params, reason, resultCount, durationMs, detail } = content;
  const canonical = canonicalJson({ seq, at, actorName, actorVia, actorRole, action, operation, outcome, address, params, reason, resultCount, durationMs, detail });
  return crypto.createHmac('sha256', key).update(previousHmac, 'utf8').update(canonical, 'utf8').digest('hex');
}

/** The entry as the interface names it: the actor whole, the parameters parsed back. */
export function toAuditEntry(stored: StoredEntry): AuditEntry {
  let params: unknown = null;
  if (stored.params !== null) {
    try {
      params = JSON.parse(stored.params);
    } catch {
      // Only an edited store holds unparsable parameters; verify names that entry, the list shows the text.
      params = stored.params;
    }
  }
  return {
    seq: stored.seq,
    at: stored.at,
    actor: { name: stored.actorName, via: stored.actorVia, role: stored.actorRole as AuditEntry['actor']['role'] },
    action: stored.action,
    operation: stored.operation,
    outcome: stored.outcome,
    address: stored.address,
    params,
    reason: stored.reason,
    resultCount: stored.resultCount,
    durationMs: stored.durationMs,
    detail: stored.detail,
    hmac: stored.hmac,
  };
}
