import os from 'node:os';
import type { Command } from 'commander';
import { auditKey } from '../audit/key.ts';
import type { AuditAction, AuditRecord } from '../audit/types.ts';
import { redactedForAudit } from '../audit/redaction.ts';
import { openAuditTrail } from '../server/auditTrail.ts';
import { loadConfig, type Config } from '../server/config.ts';
import { openGraph } from './database.ts';

/**
 * The one place the command line records itself in the audit trail: every command that touches
 * the data is appended, once it ended, as the OS user who ran it (`cli:<user>`, via 'cli', from
 * this host), with its arguments and options (anything named like a password, secret or key
 * redacted), its outcome and error code, and how long it took. Commands that only work locally
 * (generate, db start/stop/status, the offline backup and restore of a stopped store) are not.
 */

/**
 * Which commands are recorded and as which action, by command path ('db migrate') or first word
 * ('user'); null for a command that records itself before it writes (an export: its bundle names
 * the entry).
 */
const auditedCommands: Record<string, (args: Record<string, unknown>, options: Record<string, unknown>) => AuditAction | null> = {
  import: (args, options) => {
    if (options.retract) return 'retract';
    const files = Array.isArray(args.files) ? args.files : [];
    return files.length === 0 && options.listTypes && !options.resume ? 'vocabulary' : 'import';
  },
  'bulk-load': () => 'import',
  run: () => 'analysis',
  'report run': () => 'analysis',
  'report list': () => 'query',
  'report show': () => 'query',
  'report export': () => null,
  'report example': () => null,
  'db migrate': () => 'migrate',
  user: () => 'account',
  audit: () => 'audit',
};

/** What a command may add to its own entry: how many results, a note, the 查询事由 it ran with. */
export interface AuditNote {
  resultCount?: number;
  detail?: string;
  reason?: string;
}

const note: AuditNote = {};

export function noteForAudit(more: AuditNote): void {
  Object.assign(note, more);
}

interface Invocation {
  config: Config;
  action: AuditAction;
  operation: string;
  args: Record<string, unknown>;
  options: Record<string, unknown>;
  started: number;
}

function commandPath(command: Command): string[] {
  const names: string[] = [];
  for (let c: Command | null = command; c?.parent; c = c.parent) names.unshift(c.name());
  return names;
}

export function osUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    // A container user without a passwd entry still has a uid.
    return process.env.USER ?? process.env.LOGNAME ?? `uid ${process.getuid?.() ?? '?'}`;
  }
}

export class AuditUnavailableError extends Error {
  readonly code = 'AUDIT_UNAVAILABLE';
}

/** Errors that say the database could not be reached: the command's own error already says so. */
const UNREACHABLE = new Set(['DATABASE_UNAVAILABLE', 'ServiceUnavailable', 'SessionExpired']);

const codeOf = (error: unknown): string => String((error as { code?: unknown })?.code ?? 'ERROR');

async function record(invocation: Invocation, outcome: AuditRecord['outcome'], errorCode: string | null): Promise<void> {
  const graph = await openGraph(invocation.config);
  try {
    const reason = note.reason ?? (typeof invocation.options.reason === 'string' ? invocation.options.reason : null);
    await (await openAuditTrail(graph, invocation.config)).append({
      actor: { name: `cli:${osUser()}`, via: 'cli', role: null },
      action: invocation.action,
      operation: invocation.operation,
      outcome,
      address: os.hostname(),
      params: redactedForAudit({ arguments: invocation.args, options: invocation.options }),
      reason,
      resultCount: note.resultCount ?? null,
      durationMs: Math.round(performance.now() - invocation.started),
      detail: [...new Set([errorCode, note.detail].filter(Boolean))].join('; ') || null,
    });
  } finally {
    await graph.close();
  }
}

/**
 * Parses and runs the command line, recording the command when it is one that touches the data.
 * A command that ran but cannot be recorded fails (no silent gap in the trail); a command that
 * failed is recorded as failed where the database can take it, and fails with its own error.
 */
export async function parseAudited(program: Command, argv: string[]): Promise<void> {
  const state: { invocation: Invocation | null } = { invocation: null };
  program.hook('preAction', (_program, command) => {
    const path = commandPath(command);
    const actionOf = auditedCommands[path.join(' ')] ?? auditedCommands[path[0] ?? ''];
    if (!actionOf) return;
    const config = loadConfig();
    // A key the trail cannot use stops the command before it touches anything.
    auditKey(config.local.dataDir, { CHUANTOU_AUDIT_KEY: config.audit.key });
    const args = Object.fromEntries(command.registeredArguments.map((a, i) => [a.name(), command.processedArgs[i] ?? null]));
    const options = command.opts();
    const action = actionOf(args, options);
    if (action === null) return;
    const operation = path[0] === 'run' && typeof command.processedArgs[0] === 'string' ? `run ${command.processedArgs[0]}` : path.join(' ');
    state.invocation = { config, action, operation, args, options, started: performance.now() };
  });
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (state.invocation) {
      try {
        await record(state.invocation, 'failed', codeOf(error));
      } catch (auditError) {
        if (!UNREACHABLE.has(codeOf(auditError))) {
          console.error(`审计记录未能写入 / the audit entry could not be written [${codeOf(auditError)}]: ${(auditError as Error).message}`);
        }
      }
    }
    throw error;
  }
  if (state.invocation) {
    try {
      await record(state.invocation, 'ok', null);
    } catch (auditError) {
      throw new AuditUnavailableError(
        `命令已执行，但审计记录未能写入 [${codeOf(auditError)}]：${(auditError as Error).message} / the command ran but its audit entry could not be written`,
      );
    }
  }
}
