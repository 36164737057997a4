import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { auditHeadText, EXPORT_FORMATS, type ExportFormat } from '../../audit/trail.ts';
import { auditActions, type AuditAction, type AuditBreak, type AuditFilter, type AuditRecord } from '../../audit/types.ts';
import { maskIdNumbersInText } from '../../model/idMasking.ts';
import { openAuditTrail } from '../../server/auditTrail.ts';
import { loadConfig } from '../../server/config.ts';
import { noteForAudit } from '../audited.ts';
import { openGraph } from '../database.ts';
import { renderTable, terminalWidth } from '../table.ts';

/**
 * `chuantou audit verify|list|export`: the auditor's view of the trail. Reading it is itself
 * recorded (cli/audited.ts); nothing here, nor anywhere in the tool, edits or deletes an entry.
 */

export class AuditFilterError extends Error {
  readonly code = 'AUDIT_FILTER_INVALID';
}

/** The chain is broken: the error carries the code of the first break, so the exit and the trail name it. */
export class AuditChainBrokenError extends Error {
  readonly code: string;
  constructor(readonly broken: AuditBreak) {
    const where = broken.seq === null ? '' : ` #${broken.seq}`;
    super(`审计链在记录${where} 处断开：${broken.message.zh} / the audit chain breaks at entry${where}: ${broken.message.en}`);
    this.code = broken.code;
  }
}

const outcomes: AuditRecord['outcome'][] = ['ok', 'denied', 'failed'];

/**
 * A day (YYYY-MM-DD, this machine's time zone: the day the auditor means) or an ISO date-time. A
 * day given as the end of a range includes that whole day.
 */
export function timeBound(value: string, end: boolean, option: string): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day) {
    const date = new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3]) + (end ? 1 : 0));
    if (!Number.isNaN(date.getTime())) return date.toISOString();
  } else if (/^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value))) {
    return new Date(value).toISOString();
  }
  throw new AuditFilterError(`${option} 应为日期（2026-03-01）或时间（2026-03-01T08:00:00+08:00）/ ${option} must be a day (2026-03-01) or a date-time (2026-03-01T08:00:00+08:00): "${value}"`);
}

interface FilterOptions {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  outcome?: string;
  operation?: string;
}

function filterOf(opts: FilterOptions): AuditFilter {
  if (opts.action !== undefined && !(auditActions as readonly string[]).includes(opts.action)) {
    throw new AuditFilterError(`--action 应为 / --action must be one of: ${auditActions.join(' | ')}`);
  }
  if (opts.outcome !== undefined && !(outcomes as string[]).includes(opts.outcome)) {
    throw new AuditFilterError(`--outcome 应为 / --outcome must be one of: ${outcomes.join(' | ')}`);
  }
  return {
    from: opts.from === undefined ? null : timeBound(opts.from, false, '--from'),
    to: opts.to === undefined ? null : timeBound(opts.to, true, '--to'),
    actor: opts.actor ?? null,
    action: (opts.action as AuditAction | undefined) ?? null,
    outcome: (opts.outcome as AuditRecord['outcome'] | undefined) ?? null,
    operation: opts.operation ?? null,
  };
}

function wholeNumber(option: string, min: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new AuditFilterError(`${option} 应为不小于 ${min} 的整数 / ${option} must be a whole number of at least ${min}: "${value}"`);
    return n;
  };
}

function withFilterOptions(command: Command): Command {
  return command
    .option('--from <time>', '起始日期或时间（含）/ from this day or time (inclusive)')
    .option('--to <time>', '截止日期（含当日）或时间 / to this day (inclusive) or time')
    .option('--actor <name>', '操作人（如 alice、cli:alice）/ who acted (e.g. alice, cli:alice)')
    .option('--action <action>', `操作类型 / action: ${auditActions.join('|')}`)
    .option('--outcome <outcome>', '结果 / outcome: ok|denied|failed')
    .option('--operation <text>', '操作名称包含的文字 / text the operation contains');
}

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('审计日志：校验、查阅、导出 / the audit trail: verify, read, export');

  audit
    .command('verify')
    .description('校验审计链与每日检查点，指出第一条断开的记录 / check the chain against the daily checkpoints and name the first broken entry')
    .action(async () => {
      const config = loadConfig();
      const graph = await openGraph(config);
      try {
        const verification = await (await openAuditTrail(graph, config)).verify();
        noteForAudit({ resultCount: verification.entries, ...(verification.firstBroken ? { detail: verification.firstBroken.code } : {}) });
        console.log(`已校验 / checked: ${verification.entries} 条记录 / entries, ${verification.checkpoints} 个检查点 / checkpoints (${config.audit.checkpointDir})`);
        console.log(auditHeadText(verification.head));
        if (verification.firstBroken) throw new AuditChainBrokenError(verification.firstBroken);
        console.log('审计链完整 / the audit chain is intact');
      } finally {
        await graph.close();
      }
    });

  withFilterOptions(audit.command('list'))
    .description('按时间、操作人、类型、结果列出审计记录，最新在前 / list audit entries, newest first')
    .option('--limit <n>', '显示条数 / entries to show', wholeNumber('--limit', 1), 50)
    .option('--offset <n>', '跳过最新的 n 条 / skip the newest n', wholeNumber('--offset', 0), 0)
    .action(async (opts: FilterOptions & { limit: number; offset: number }) => {
      const config = loadConfig();
      const filter = filterOf(opts);
      const graph = await openGraph(config);
      try {
        const trail = await openAuditTrail(graph, config);
        const [entries, total] = await Promise.all([trail.list(filter, { limit: Math.min(opts.limit, 1000), offset: opts.offset }), trail.count(filter)]);
        noteForAudit({ resultCount: entries.length });
        const columns = [
          { key: 'seq', title: '序号\nseq', align: 'right' as const },
          { key: 'at', title: '时间\nat' },
          { key: 'actor', title: '操作人\nactor' },
          { key: 'action', title: '类型\naction' },
          { key: 'operation', title: '操作\noperation' },
          { key: 'outcome', title: '结果\noutcome' },
          { key: 'detail', title: '说明\ndetail' },
          { key: 'address', title: '地址\naddress' },
        ];
        const rows = entries.map((e) => ({ seq: e.seq, at: e.at, actor: e.actor.name, action: e.action, operation: e.operation, outcome: e.outcome, detail: e.detail ?? '', address: e.address ?? '' }));
        console.log(`共 ${total} 条，显示 ${entries.length} 条 / ${total} entries match, ${entries.length} shown`);
        // What the screen shows follows the masking rule (a reason may quote an ID number); the export is the archive, whole.
        if (entries.length > 0) console.log(maskIdNumbersInText(renderTable(columns, rows, terminalWidth()).join('\n')));
      } finally {
        await graph.close();
      }
    });

  withFilterOptions(audit.command('export'))
    .description('导出审计记录（CSV 带 BOM，可用 Excel 打开；或 JSON lines，含校验值）/ export audit entries (CSV with BOM for Excel, or JSON lines with their HMACs)')
    .requiredOption('--format <format>', `格式 / format: ${EXPORT_FORMATS.join('|')}`)
    .requiredOption('--out <file>', '输出文件 / output file')
    .action(async (opts: FilterOptions & { format: string; out: string }) => {
      if (!(EXPORT_FORMATS as readonly string[]).includes(opts.format)) throw new AuditFilterError(`--format 应为 / --format must be: ${EXPORT_FORMATS.join(' | ')}`);
      const config = loadConfig();
      const filter = filterOf(opts);
      const graph = await openGraph(config);
      try {
        // The log names who looked at what: the export is readable by its owner only.
        const fd = fs.openSync(opts.out, 'w', 0o600);
        fs.fchmodSync(fd, 0o600);
        const stream = fs.createWriteStream('', { fd });
        const finished = new Promise<void>((resolve, reject) => {
          stream.on('finish', resolve);
          stream.on('error', reject);
        });
        const written = await (await openAuditTrail(graph, config)).export(filter, opts.format as ExportFormat, stream);
        stream.end();
        await finished;
        noteForAudit({ resultCount: written, detail: `${opts.format} → ${path.resolve(opts.out)}` });
        console.log(`已导出 ${written} 条到 / exported ${written} entries to ${path.resolve(opts.out)}`);
      } finally {
        await graph.close();
      }
    });
}
