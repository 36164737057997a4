import path from 'node:path';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { loadConfig } from '../../server/config.ts';
import { keySecret } from '../../server/keySecret.ts';
import { importFiles, type ImportSummary } from '../../importers/importFiles.ts';
import type { RecordKind } from '../../importers/mapping.ts';
import type { Encoding } from '../../importers/read/csvRows.ts';
import { openGraph } from '../database.ts';

/** `chuantou import FILE…`: the online importer, with progress on a terminal and a summary table. */

function printSummary(summary: ImportSummary): void {
  console.log(`\n导入批次 / run ${summary.runId}: ${summary.status}, ${summary.seconds.toFixed(1)} s`);
  console.table(
    summary.files.map((f) => ({
      文件: path.basename(f.file),
      类型: f.kind,
      编码: f.encoding,
      读取: f.read,
      写入: f.written,
      拒绝: f.rejected,
      标记: f.flagged,
    })),
  );
  if (summary.rejectsFile) console.log(`问题行见 / rejected and flagged rows: ${summary.rejectsFile}`);
  console.log(`报告 / report: ${summary.reportFile}`);
}

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('导入企业登记、股东等文件 / import registrations, shareholders and other files')
    .argument('<files...>', 'CSV 文件 / CSV files')
    .option('--kind <kind>', '记录类型（registrations|shareholders），默认按表头识别 / record kind, detected from headers by default')
    .option('--mapping <file>', '列映射文件（复制 importers/mappings/ 中的文件修改）/ column mapping file')
    .option('--encoding <encoding>', '文件编码 utf-8 | gb18030，默认自动识别 / file encoding, detected by default')
    .option('--source <label>', '数据来源标签 / data source label', 'import')
    .option('--dry-run', '只校验不写入 / validate without writing')
    .option('--report <format>', '以 json 输出汇总 / print the summary as json')
    .action(async (files: string[], opts: { kind?: RecordKind; mapping?: string; encoding?: Encoding; source: string; dryRun?: boolean; report?: string }) => {
      const config = loadConfig();
      const graph = await openGraph(config);
      const bar = process.stderr.isTTY && opts.report !== 'json' ? new cliProgress.SingleBar({ format: '{file} | {value} 行 | {speed} 行/秒', hideCursor: true }) : null;
      const started = Date.now();
      bar?.start(0, 0, { file: '', speed: 0 });
      try {
        const summary = await importFiles({
          graph,
          files,
          kind: opts.kind,
          mappingFile: opts.mapping,
          encoding: opts.encoding,
          source: opts.source,
          dryRun: opts.dryRun,
          reportDir: path.join(config.local.dataDir, 'imports'),
          secret: keySecret(config),
          onProgress: ({ file, rows }) => {
            const speed = Math.round(rows / Math.max(0.001, (Date.now() - started) / 1000));
            if (bar) bar.update(rows, { file: path.basename(file), speed });
            else if (opts.report !== 'json') console.error(`${path.basename(file)}: ${rows} 行 / rows`);
          },
        });
        bar?.stop();
        if (opts.report === 'json') console.log(JSON.stringify(summary, null, 2));
        else printSummary(summary);
      } finally {
        bar?.stop();
        await graph.close();
      }
    });
}
