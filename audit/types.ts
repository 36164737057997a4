import type { Role } from '../accounts/roles.ts';

/** What can be recorded: every operation of the tool, by either door (web or CLI). */
export const auditActions = [
  'signIn',
  'signOut',
  'session',
  'query',
  'analysis',
  'export',
  'import',
  'retract',
  'personLink',
  'account',
  'vocabulary',
  'case',
  'backup',
  'restore',
  'migrate',
  'audit',
  'denied',
] as const;
export type AuditAction = (typeof auditActions)[number];

export interface AuditActor {
  /** Account name for the web, the OS user for the CLI ("cli:alice"), "system" for the server's own work. */
  name: string;
  via: 'web' | 'cli' | 'system';
  role: Role | null;
}

/** One operation to record. */
export interface AuditRecord {
  actor: AuditActor;
  action: AuditAction;
  /** The operation: GraphQL field or operation name, CLI command, analysis name … */
  operation: string;
  outcome: 'ok' | 'denied' | 'failed';
  /** Client address (web) or host name (CLI). */
  address?: string | null;
  /** Parameters as given (JSON-serialisable). */
  params?: unknown;
  /** 查询事由 in force for the operation. */
  reason?: string | null;
  resultCount?: number | null;
  durationMs?: number | null;
  /** Error code, or a short note (e.g. "full ID numbers shown"). */
  detail?: string | null;
}

/** A recorded entry: the record, its place in the chain and the chain's HMAC up to it. */
export interface AuditEntry extends AuditRecord {
  seq: number;
  at: string;
  /** HMAC-SHA256 (hex) over the previous entry's hmac and this entry's canonical content. */
  hmac: string;
}

/** Appends records: what the server and the CLI are given. */
export interface AuditSink {
  append(record: AuditRecord): Promise<AuditEntry>;
}

/** The chain's last entry as the store and the checkpoint files name it. */
export interface AuditHead {
  seq: number;
  hmac: string;
  at: string;
}

/** Which entries to list or export; every condition is optional and they all apply together. */
export interface AuditFilter {
  /** ISO time, inclusive. */
  from?: string | null;
  /** ISO time, exclusive. */
  to?: string | null;
  /** Exact actor name ("alice", "cli:alice", "system"). */
  actor?: string | null;
  action?: AuditAction | null;
  outcome?: AuditRecord['outcome'] | null;
  /** Text the operation contains (case-insensitive). */
  operation?: string | null;
}

/** A page of entries, newest first: by `offset`, or after the last page by `beforeSeq` (its last entry's seq). */
export interface AuditPage {
  limit?: number;
  offset?: number;
  beforeSeq?: number | null;
}

export const auditBreakCodes = [
  'AUDIT_ENTRY_ALTERED',
  'AUDIT_GAP',
  'AUDIT_TAIL_DELETED',
  'AUDIT_HEAD_MISMATCH',
  'AUDIT_CHECKPOINT_MISMATCH',
  'AUDIT_CHECKPOINT_UNREADABLE',
] as const;
export type AuditBreakCode = (typeof auditBreakCodes)[number];

/** Where the chain first stops proving itself. */
export interface AuditBreak {
  /** The first entry that is altered or missing (or the checkpoint's seq that disagrees); null for an unreadable checkpoint file. */
  seq: number | null;
  code: AuditBreakCode;
  message: { zh: string; en: string };
  /** The checkpoint file involved, when one is. */
  checkpoint?: string;
}

export interface AuditVerification {
  ok: boolean;
  /** Entries checked, in seq order, up to the first break. */
  entries: number;
  /** Checkpoint files compared. */
  checkpoints: number;
  /** The head the store holds, as read when the check began. */
  head: AuditHead | null;
  firstBroken: AuditBreak | null;
}
