import { z } from 'zod';
import { roles } from '../accounts/roles.ts';
import type { Graph, GraphReader } from '../cypher/run.ts';
import { int } from '../cypher/values.ts';
import { entryHmac, storedContent, toAuditEntry, type StoredEntry } from './chain.ts';
import { writeCheckpoint } from './checkpoints.ts';
import { auditActions, type AuditEntry, type AuditFilter, type AuditHead, type AuditPage, type AuditRecord, type AuditSink, type AuditVerification } from './types.ts';
import { verifyChain } from './verify.ts';
import { csvCell } from '../model/csv.ts';

/**
 * The audit trail: entries chained by HMAC in Neo4j, the chain head checkpointed in daily files
 * outside it. It appends, reads and checks; it has no way to edit or delete an entry, and nothing
 * else in the tool writes the AuditEntry label.
 */

export class AuditError extends Error {
  constructor(
    readonly code: 'AUDIT_RECORD_INVALID' | 'AUDIT_APPEND_CONFLICT' | 'AUDIT_CHECKPOINT_FAILED',
    message: string,
  ) {
    super(message);
  }
}

const recordSchema = z.object({
  actor: z.object({
    name: z.string().min(1).max(200),
    via: z.enum(['web', 'cli', 'system']),
    role: z.enum(roles).nullable(),
  }),
  action: z.enum(auditActions),
  operation: z.string().min(1).max(2000),
  outcome: z.enum(['ok', 'denied', 'failed']),
  address: z.string().max(200).nullish(),
  params: z.unknown().optional(),
  reason: z.string().max(2000).nullish(),
  resultCount: z.number().nullish(),
  durationMs: z.number().nullish(),
  detail: z.string().max(2000).nullish(),
});

export interface AuditTrailOptions {
  /** The HMAC key (audit/key.ts `auditKey`): never stored beside the chain. */
  key: Buffer;
  /** Where the daily checkpoints of the head go (default `<dataDir>/audit/checkpoints`). */
  checkpointDir: string;
  clock?: () => Date;
}

/** The filter as the queries take it: every condition named, null when not given. */
function filterParams(filter: AuditFilter): Record<string, unknown> {
  return {
    from: filter.from ?? null,
    to: filter.to ?? null,
    actor: filter.actor ?? null,
    action: filter.action ?? null,
    outcome: filter.outcome ?? null,
    operation: filter.operation ? filter.operation : null,
  };
}

/** The stored entry as a query parameter: Neo4j integers for the whole numbers, absent fields left out. */
function entryParam(entry: StoredEntry): Record<string, unknown> {
  const param: Record<string, unknown> = { ...entry, seq: int(entry.seq) };
  if (entry.resultCount !== null) param.resultCount = int(entry.resultCount);
  if (entry.durationMs !== null) param.durationMs = int(entry.durationMs);
  return param;
}

/** The head as report footers print it: enough to compare with a checkpoint, short enough for a line. */
export function auditHeadText(head: AuditHead | null): string {
  if (!head) return '审计链为空 / the audit chain is empty';
  return `审计链 / audit chain #${head.seq} ${head.hmac.slice(0, 16)} ${head.at}`;
}

/** The chain head as the store holds it, or null before the first entry. */
export async function readAuditHead(graph: GraphReader): Promise<AuditHead | null> {
  const [row] = await graph.read<{ seq: number; hmac: string; at: string | null }>('audit/readHead');
  if (!row || row.seq === 0 || row.at === null) return null;
  return { seq: row.seq, hmac: row.hmac, at: row.at };
}

export const EXPORT_FORMATS = ['csv', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const EXPORT_BATCH = 2000;

const csvColumns: { title: string; value: (e: AuditEntry) => string | number | null }[] = [
  { title: '序号 seq', value: (e) => e.seq },
  { title: '时间 at', value: (e) => e.at },
  { title: '操作人 actor', value: (e) => e.actor.name },
  { title: '途径 via', value: (e) => e.actor.via },
  { title: '角色 role', value: (e) => e.actor.role },
  { title: '类型 action', value: (e) => e.action },
  { title: '操作 operation', value: (e) => e.operation },
  { title: '结果 outcome', value: (e) => e.outcome },
  { title: '地址 address', value: (e) => e.address ?? null },
  { title: '查询事由 reason', value: (e) => e.reason ?? null },
  { title: '结果数 resultCount', value: (e) => e.resultCount ?? null },
  { title: '耗时毫秒 durationMs', value: (e) => e.durationMs ?? null },
  { title: '说明 detail', value: (e) => e.detail ?? null },
  { title: '参数 params', value: (e) => (e.params === null || e.params === undefined ? null : JSON.stringify(e.params)) },
  { title: 'HMAC', value: (e) => e.hmac },
];

/** Most entries one group commit chains: a transaction stays short even under a burst. */
const MAX_GROUP = 100;

const csvLine = (cells: (string | number | null)[]) => `${cells.map(csvCell).join(',')}\r\n`;

export class AuditTrail implements AuditSink {
  private readonly key: Buffer;
  private readonly checkpointDir: string;
  private readonly clock: () => Date;

  constructor(
    private readonly graph: Graph,
    options: AuditTrailOptions,
  ) {
    this.key = options.key;
    this.checkpointDir = options.checkpointDir;
    this.clock = options.clock ?? (() => new Date());
  }

  /** Records waiting for the next group commit, in the order `append` was called. */
  readonly #waiting: { record: AuditRecord; resolve: (entry: AuditEntry) => void; reject: (error: unknown) => void }[] = [];
  #committing = false;

  /**
   * Appends one record; the promise settles once it is committed. Appends that arrive while a
   * commit is under way are chained together in the next one (a group commit): a busy server
   * pays one locked transaction and one checkpoint for many requests instead of one each, and
   * every caller still waits for its own entry to be durable.
   */
  append(record: AuditRecord): Promise<AuditEntry> {
    const parsed = recordSchema.safeParse(record);
    if (!parsed.success) {
      return Promise.reject(
        new AuditError('AUDIT_RECORD_INVALID', `审计记录无效 / invalid audit record: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`),
      );
    }
    return new Promise((resolve, reject) => {
      this.#waiting.push({ record, resolve, reject });
      if (!this.#committing) void this.#commitWaiting();
    });
  }

  async #commitWaiting(): Promise<void> {
    this.#committing = true;
    try {
      while (this.#waiting.length > 0) {
        const group = this.#waiting.splice(0, MAX_GROUP);
        try {
          const stored = await this.#appendGroup(group.map((w) => w.record));
          group.forEach((w, i) => w.resolve(toAuditEntry(stored[i]!)));
        } catch (error) {
          for (const w of group) w.reject(error);
        }
      }
    } finally {
      this.#committing = false;
    }
  }

  /**
   * In one write transaction: lock the head, read it, chain each entry from the one before (the
   * HMAC computed here, the key never sent to the database), create it, move the head. Then the
   * day's checkpoint. Appends from other processes wait on the lock, so the chain never forks.
   */
  async #appendGroup(records: AuditRecord[]): Promise<StoredEntry[]> {
    const stored = await this.graph.inWriteTransaction(async (run) => {
      const [head] = (await run('audit/lockHead', {})) as { seq: number; hmac: string }[];
      const entries: StoredEntry[] = [];
      let previous = head!;
      for (const record of records) {
        const seq = previous.seq + 1;
        // The time is taken under the lock, so times follow the order of the chain.
        const content = storedContent(record, seq, this.clock().toISOString());
        const entry: StoredEntry = { ...content, hmac: entryHmac(this.key, previous.hmac, content) };
        entries.push(entry);
        previous = entry;
      }
      const last = entries[entries.length - 1]!;
      const created = (await run('audit/appendEntries', { entries: entries.map(entryParam), first: int(entries[0]!.seq), last: { seq: int(last.seq), hmac: last.hmac, at: last.at } })) as { created: number }[];
      if (created.length !== 1 || created[0]!.created !== entries.length) {
        throw new AuditError('AUDIT_APPEND_CONFLICT', `审计链头已被改动，未写入 / the audit chain head moved under the lock; nothing was appended (seq ${entries[0]!.seq})`);
      }
      return entries;
    });
    const last = stored[stored.length - 1]!;
    try {
      writeCheckpoint(this.checkpointDir, { seq: last.seq, hmac: last.hmac, at: last.at });
    } catch (error) {
      throw new AuditError(
        'AUDIT_CHECKPOINT_FAILED',
        `审计记录 #${stored[0]!.seq}–#${last.seq} 已写入，但检查点无法写入 ${this.checkpointDir}：${(error as Error).message} / audit entries #${stored[0]!.seq}–#${last.seq} were recorded but their checkpoint could not be written to ${this.checkpointDir}`,
      );
    }
    return stored;
  }

  head(): Promise<AuditHead | null> {
    return readAuditHead(this.graph);
  }

  /** Entries matching the filter, newest first, one page (at most 1000). */
  async list(filter: AuditFilter = {}, page: AuditPage = {}): Promise<AuditEntry[]> {
    const limit = Math.min(Math.max(Math.trunc(page.limit ?? 100), 1), 1000);
    const rows = await this.graph.read<StoredEntry>('audit/listEntries', {
      ...filterParams(filter),
      beforeSeq: int(page.beforeSeq === null || page.beforeSeq === undefined ? Number.MAX_SAFE_INTEGER : Math.trunc(page.beforeSeq)),
      offset: int(Math.max(Math.trunc(page.offset ?? 0), 0)),
      limit: int(limit),
    });
    return rows.map(toAuditEntry);
  }

  async count(filter: AuditFilter = {}): Promise<number> {
    const [row] = await this.graph.read<{ entries: number }>('audit/countEntries', filterParams(filter));
    return row?.entries ?? 0;
  }

  /** Every entry matching the filter, oldest first, a batch at a time. */
  async *entries(filter: AuditFilter = {}): AsyncGenerator<AuditEntry> {
    let after = 0;
    for (;;) {
      const rows = await this.graph.read<StoredEntry>('audit/exportBatch', { ...filterParams(filter), after: int(after), limit: int(EXPORT_BATCH) });
      for (const row of rows) yield toAuditEntry(row);
      if (rows.length < EXPORT_BATCH) return;
      after = rows[rows.length - 1]!.seq;
    }
  }

  /**
   * Writes the entries matching the filter, oldest first, as CSV (UTF-8 with BOM, so Excel reads
   * the Chinese; formula-like cells defused) or JSON lines (one entry a line, with its HMAC: an
   * archive that can be checked again). Returns how many entries were written.
   */
  async export(filter: AuditFilter, format: ExportFormat, out: NodeJS.WritableStream): Promise<number> {
    const write = (chunk: string) =>
      new Promise<void>((resolve, reject) => {
        const more = out.write(chunk, (error) => (error ? reject(error) : undefined));
        if (more) resolve();
        else out.once('drain', resolve);
      });
    let written = 0;
    if (format === 'csv') await write(`\ufeff${csvLine(csvColumns.map((c) => c.title))}`);
    for await (const entry of this.entries(filter)) {
      await write(format === 'csv' ? csvLine(csvColumns.map((c) => c.value(entry))) : `${JSON.stringify(entry)}\n`);
      written++;
    }
    return written;
  }

  /** Walks the whole chain and compares it with every checkpoint (audit/verify.ts). */
  verify(): Promise<AuditVerification> {
    return verifyChain(this.graph, this.key, this.checkpointDir);
  }
}
