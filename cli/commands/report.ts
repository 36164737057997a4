import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { analyses, parseParams } from '../../analyses/index.ts';
import { exportFormats, type ExportFormat, type ReportLocale } from '../../exporters/document.ts';
import { maskIdNumbersIn, maskIdNumbersInText } from '../../model/idMasking.ts';
import { listReportRuns, openReportRun, runAdHocReport, runSavedQuery, type Runner } from '../../reports/runs.ts';
import { listSavedQueries } from '../../reports/savedQueries.ts';
import type { ReportRunSummary } from '../../reports/types.ts';
import { openAuditTrail } from '../../server/auditTrail.ts';
import { loadConfig, type Config } from '../../server/config.ts';
import { noteForAudit, osUser } from '../audited.ts';
import { openCurrentGraph } from '../database.ts';
import { renderTable, terminalWidth } from '../table.ts';
import { paramsFromPairs, tableText } from './run.ts';

/**
 * `chuantou report run|list|show|export|example` and `chuantou bundle verify`: the reports layer
 * (reports/) from the command line, as the server offers it to the web. The CLI acts as the OS
 * user (`cli:<user>`) with an investigator's reach over reports — whoever runs it can read the
 * store anyway — and follows the same masking rule: ID numbers masked unless a reason is given.
 *
 * `report list|show|run` are recorded once they ended (cli/audited.ts); an export records itself
 * before it writes, so that an evidence bundle's manifest can name the entry that recorded it.
 */

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

const cliRunner = (): Runner => ({ name: `cli:${osUser()}`, role: 'investigator', via: 'cli' });

function summaryLines(s: ReportRunSummary): string[] {
  return [
    `报告运行 / report run: ${s.id}`,
    `  第 ${s.number} 次运行 / run number ${s.number}; ${s.ranAt}; ${s.ranBy} (${s.trigger})`,
    `  发现 / findings: ${s.findingCount}${s.exhaustive ? '' : '（搜索有边界，结果为下限 / limits hit: lower bounds）'}`,
    `  内容哈希 / content SHA-256: ${s.contentHash}`,
  ];
}

function localeOf(value: string): ReportLocale {
  if (value !== 'zh' && value !== 'en') throw new Error(`--lang 应为 zh 或 en / --lang must be zh or en: "${value}"`);
  return value;
}

function formatOf(value: string): ExportFormat {
  if (!(exportFormats as readonly string[]).includes(value)) throw new Error(`未知格式 / unknown format "${value}": ${exportFormats.join(' | ')}`);
  return value as ExportFormat;
}

/**
 * Records the export in the audit trail first and then writes it: the entry exists before the
 * file does (a bundle names it), and an export that fails after it is recorded again as failed.
 */
async function exportRunToFile(config: Config, runId: string, format: ExportFormat, locale: ReportLocale, output: string, reason: string | undefined, operation: string): Promise<string> {
  const graph = await openCurrentGraph(config);
  try {
    const runner = cliRunner();
    const { document } = await openReportRun(graph, runner, runId);
    const reveal = typeof reason === 'string' && reason.trim().length > 0;
    const audit = await openAuditTrail(graph, config);
    const base = { actor: { name: runner.name, via: 'cli' as const, role: null }, action: 'export' as const, operation, address: os.hostname(), params: { runId, format, lang: locale, output: path.resolve(output) }, reason: reveal ? reason : null };
    const entry = await audit.append({ ...base, outcome: 'ok', resultCount: document.envelope.findings.length, detail: reveal ? '显示完整证件号码 / full ID numbers shown' : null });
    try {
      const shown = reveal ? document : maskIdNumbersIn(document);
      // The exporters (XLSX, PDF through Chromium, …) load only for an export: every `chuantou`
      // command is a process of its own, and would otherwise pay for them at each start.
      const { exportReport } = await import('../../reports/exports.ts');
      const file = await exportReport(shown, format, { locale, exportedBy: runner.name, exportedAt: entry.at }, { seq: entry.seq, hmac: entry.hmac, at: entry.at });
      fs.mkdirSync(path.dirname(path.resolve(output)), { recursive: true });
      fs.writeFileSync(output, file.bytes);
      return `已写入 / written: ${output} (${file.bytes.length} 字节 / bytes; 审计记录 / audit entry #${entry.seq})`;
    } catch (error) {
      await audit.append({ ...base, outcome: 'failed', detail: String((error as { code?: unknown }).code ?? 'ERROR') });
      throw error;
    }
  } finally {
    await graph.close();
  }
}

export function registerReportCommands(program: Command): void {
  const report = program.command('report').description('报告：保存的查询、运行、导出 / reports: saved queries, runs, exports');

  report
    .command('run')
    .description('运行分析并保存为报告运行（不可修改，带内容哈希）/ run an analysis as a report run (never edited, content-hashed)')
    .argument('[analysis]', '分析名称（或用 --query 运行已保存的查询）/ analysis name (or --query for a saved query)')
    .option('--query <id>', '已保存查询的编号 / the id of a saved query')
    .option('--param <key=value>', '分析参数，可重复 / an analysis parameter, repeatable', collect, [])
    .option('--title <text>', '报告标题 / report title')
    .option('--description <text>', '报告说明 / report description')
    .action(async (analysis: string | undefined, opts: { query?: string; param: string[]; title?: string; description?: string }) => {
      const config = loadConfig();
      if ((analysis === undefined) === (opts.query === undefined)) throw new Error('请给出分析名称或 --query 之一 / give an analysis name or --query, not both');
      if (analysis !== undefined) parseParams(analysis, paramsFromPairs(opts.param), config.analysis);
      const graph = await openCurrentGraph(config);
      try {
        const settings = { ...config.analysis, office: config.office };
        const summary =
          opts.query !== undefined
            ? await runSavedQuery(graph, cliRunner(), opts.query, 'cli', settings)
            : await runAdHocReport(
                graph,
                cliRunner(),
                { analysis: analysis!, params: paramsFromPairs(opts.param), title: opts.title ?? analyses[analysis!]!.title.zh, description: opts.description ?? null },
                'cli',
                settings,
              );
        noteForAudit({ resultCount: summary.findingCount, detail: `report run ${summary.id}` });
        console.log(summaryLines(summary).join('\n'));
      } finally {
        await graph.close();
      }
    });

  report
    .command('list')
    .description('列出可见的已保存查询，或某查询的运行 / list the saved queries you can see, or the runs of one')
    .option('--query <id>', '列出此查询的运行 / list this query\'s runs')
    .option('--first <n>', '最多条数 / how many', '50')
    .action(async (opts: { query?: string; first: string }) => {
      const first = Number(opts.first);
      if (!Number.isInteger(first) || first < 1 || first > 500) throw new Error('--first 应为 1–500 的整数 / --first must be a whole number from 1 to 500');
      const config = loadConfig();
      const graph = await openCurrentGraph(config);
      try {
        const width = terminalWidth();
        if (opts.query !== undefined) {
          const page = await listReportRuns(graph, cliRunner(), opts.query, { first, after: null });
          noteForAudit({ resultCount: page.nodes.length });
          const rows = page.nodes.map((r) => ({ number: r.number, id: r.id, ranAt: r.ranAt, ranBy: r.ranBy, findings: r.findingCount, sha256: r.contentHash.slice(0, 16) }));
          const columns = ['number', 'id', 'ranAt', 'ranBy', 'findings', 'sha256'].map((key) => ({ key, title: key, align: key === 'number' || key === 'findings' ? ('right' as const) : ('left' as const) }));
          console.log(rows.length === 0 ? '尚无运行 / no runs yet' : renderTable(columns, rows, width).join('\n'));
        } else {
          const page = await listSavedQueries(graph, cliRunner(), { first, after: null });
          noteForAudit({ resultCount: page.nodes.length });
          const rows = page.nodes.map((q) => ({ id: q.id, title: q.title, analysis: q.analysis, owner: q.owner.name, schedule: q.schedule?.cron ?? '', lastRun: q.lastRun?.ranAt ?? '' }));
          const columns = ['id', 'title', 'analysis', 'owner', 'schedule', 'lastRun'].map((key) => ({ key, title: key, align: 'left' as const }));
          console.log(rows.length === 0 ? '没有可见的已保存查询 / no saved queries you can see' : renderTable(columns, rows, width).join('\n'));
        }
      } finally {
        await graph.close();
      }
    });

  report
    .command('show')
    .description('按原样打开一次报告运行 / open a report run as it was')
    .argument('<runId>', '报告运行编号 / report run id')
    .option('--format <format>', 'table | json', 'table')
    .option('--reason <text>', '查询事由：给出后显示完整证件号码，并记入审计日志 / reason for the query: with it, full ID numbers are shown and recorded')
    .action(async (runId: string, opts: { format: string; reason?: string }) => {
      if (opts.format !== 'table' && opts.format !== 'json') throw new Error('--format 应为 table 或 json / --format must be table or json');
      const config = loadConfig();
      const graph = await openCurrentGraph(config);
      try {
        const { summary, document } = await openReportRun(graph, cliRunner(), runId);
        const reveal = typeof opts.reason === 'string' && opts.reason.trim().length > 0;
        const shown = reveal ? (text: string) => text : maskIdNumbersInText;
        noteForAudit({ resultCount: summary.findingCount, ...(reveal ? { detail: '显示完整证件号码 / full ID numbers shown' } : {}) });
        if (opts.format === 'json') {
          process.stdout.write(shown(`${JSON.stringify(document, null, 2)}\n`));
          return;
        }
        const scoreIsRatio = analyses[document.query.analysis]?.scoreIsRatio === true;
        console.log(shown([`${document.query.title}`, ...summaryLines(summary), '', ...tableText(document.envelope, scoreIsRatio, terminalWidth())].join('\n')));
      } finally {
        await graph.close();
      }
    });

  report
    .command('export')
    .description('导出报告运行 / export a report run')
    .argument('<runId>', '报告运行编号 / report run id')
    .requiredOption('--output <file>', '写入的文件 / file to write')
    .option('--format <format>', `格式 / format: ${exportFormats.join(' | ')}`, 'pdf')
    .option('--lang <lang>', '报告语言 / report language: zh | en', 'zh')
    .option('--reason <text>', '查询事由：给出后导出完整证件号码，并记入审计日志 / reason: with it, full ID numbers are exported and recorded')
    .action(async (runId: string, opts: { output: string; format: string; lang: string; reason?: string }) => {
      const message = await exportRunToFile(loadConfig(), runId, formatOf(opts.format), localeOf(opts.lang), opts.output, opts.reason, 'report export');
      console.error(message);
    });

  report
    .command('example')
    .description('用演示数据写出示例报告（PDF 与证据包）/ write an example report (PDF and evidence bundle) from the demo data')
    .option('--out <dir>', '输出目录 / output folder', 'example-report')
    .option('--lang <lang>', '报告语言 / report language: zh | en', 'zh')
    .action(async (opts: { out: string; lang: string }) => {
      const config = loadConfig();
      const locale = localeOf(opts.lang);
      const graph = await openCurrentGraph(config);
      let summary: ReportRunSummary;
      try {
        const [counts] = await graph.read<{ firms: number }>('admin/countEntities');
        if (!counts || counts.firms === 0) throw new Error('数据库中没有企业：请先运行 `npm start`（空库时导入演示数据）/ the database holds no firms: run `npm start` first (it loads the demo into an empty database)');
        summary = await runAdHocReport(
          graph,
          cliRunner(),
          { analysis: 'flagged-controllers', params: { minFirms: 2 }, title: '示例报告：多家涉案企业背后的控制人 / Example report: controllers behind several flagged firms', description: '由演示数据生成 / made from the demo data' },
          'cli',
          { ...config.analysis, office: config.office ?? '示例单位 / Example office' },
        );
      } finally {
        await graph.close();
      }
      const pdf = path.join(opts.out, `example-report.${locale}.pdf`);
      const bundle = path.join(opts.out, `example-report.${locale}.evidence.zip`);
      console.error(summaryLines(summary).join('\n'));
      console.error(await exportRunToFile(config, summary.id, 'pdf', locale, pdf, undefined, 'report example'));
      console.error(await exportRunToFile(config, summary.id, 'bundle', locale, bundle, undefined, 'report example'));
      console.error(`核验证据包 / verify the bundle: npx chuantou bundle verify ${bundle}`);
    });

  program
    .command('bundle')
    .description('证据包 / evidence bundles')
    .command('verify')
    .description('核验证据包：清单中每个文件的 SHA-256，无缺失、无多余 / verify an evidence bundle: every file\'s SHA-256 as its manifest lists, none missing, none added')
    .argument('<file>', '证据包 zip / the bundle zip')
    .action(async (file: string) => {
      const { verifyBundle } = await import('../../exporters/bundle.ts');
      const result = await verifyBundle(fs.readFileSync(file));
      const manifest = result.manifest as { runId?: string; contentHash?: string; auditEntry?: { seq?: number } } | null;
      if (result.ok) {
        console.log(`证据包完好 / the bundle is intact: ${file}`);
        if (manifest) console.log(`  报告运行 / run ${manifest.runId}; 内容哈希 / content SHA-256 ${manifest.contentHash}; 审计记录 / audit entry #${manifest.auditEntry?.seq}`);
        return;
      }
      for (const p of result.problems) console.error(`  [${p.code}] ${p.file ?? ''} ${p.message}`);
      const error = new Error(`证据包未通过核验 / the bundle failed verification: ${file}`) as Error & { code: string };
      error.code = result.problems[0]?.code ?? 'BUNDLE_INVALID';
      throw error;
    });
}
