import path from 'node:path';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { loadConfig } from '../../server/config.ts';
import { keySecret } from '../../server/keySecret.ts';
import { importFiles, resumeImport, retractImport, type ImportSummary } from '../../importers/importFiles.ts';
import type { RecordKind } from '../../importers/mapping.ts';
import type { Encoding } from '../../importers/read/source.ts';
import { openGraph } from '../database.ts';

/** `chuantou import FILE…`: the online importer, with progress on a terminal and a summary table. */

/** The per-file table `import` and `bulk-load` print at the end. */
export function printFileTable(files: ImportSummary['files']): void {
  console.table(
    files.map((f) => ({
      文件: path.basename(f.file) + (f.sheet ? ` [${f.sheet}]` : ''),
      类型: f.kind,
      编码: f.encoding,
      读取: f.read,
      写入: f.written,
      拒绝: f.rejected,
      标记: f.flagged,
    })),
  );
}

function printSummary(summary: ImportSummary): void {
  console.log(`\n导入批次 / run ${summary.runId}: ${summary.status}, ${summary.seconds.toFixed(1)} s`);
  printFileTable(summary.files);
  if (summary.proposedSamePersons > 0) console.log(`疑似同一人待核实 / possibly-same-person links proposed: ${summary.proposedSamePersons}`);
  if (summary.rejectsFile) console.log(`问题行见 / rejected and flagged rows: ${summary.rejectsFile}`);
  console.log(`报告 / report: ${summary.reportFile}`);
}

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('导入企业登记、股东、人员、会员、分支机构、名单、批准、变更、关系、受益所有人、BODS 等文件 / import registry files of every kind')
    .argument('[files...]', 'CSV、XLSX、JSON、NDJSON 文件 / CSV, XLSX, JSON or NDJSON files')
    .option('--kind <kind>', '记录类型，默认按表头识别 / record kind, detected from headers by default: registrations|shareholders|officers|members|branches|lists|approvals|changes|relations|boFilings')
    .option('--mapping <file>', '列映射文件（复制 importers/mappings/ 中的文件修改）/ column mapping file')
    .option('--encoding <encoding>', '文件编码 utf-8 | gb18030，默认自动识别 / file encoding, detected by default')
    .option('--sheet <name>', '只导入 XLSX 的此工作表 / only this sheet of XLSX files')
    .option('--source <label>', '数据来源标签 / data source label', 'import')
    .option('--dry-run', '只校验不写入 / validate without writing')
    .option('--report <format>', '以 json 输出汇总 / print the summary as json')
    .option('--batch-size <n>', '每批写入行数 / rows per write batch', (v) => Number(v), 1000)
    .option('--resume <run>', '从中断处继续该导入批次 / finish an interrupted run')
    .option('--retract <run>', '撤销该导入批次写入的内容 / remove what a run wrote that no other run asserts')
    .action(async (files: string[], opts: { kind?: RecordKind; mapping?: string; encoding?: Encoding; sheet?: string; source: string; dryRun?: boolean; report?: string; resume?: string; retract?: string; batchSize: number }) => {
      const config = loadConfig();
      if (!opts.resume && !opts.retract && files.length === 0) throw new Error('请指定要导入的文件 / name the files to import');
      const graph = await openGraph(config);
      if (opts.retract) {
        try {
          await retractImport(graph, opts.retract);
          console.log(`已撤销导入批次 / retracted run ${opts.retract}`);
        } finally {
          await graph.close();
        }
        return;
      }
      const bar = process.stderr.isTTY && opts.report !== 'json' ? new cliProgress.SingleBar({ format: '{file} | {value} 行 | {speed} 行/秒', hideCursor: true }) : null;
      const started = Date.now();
      bar?.start(0, 0, { file: '', speed: 0 });
      const common = {
        graph,
        reportDir: path.join(config.local.dataDir, 'imports'),
        secret: keySecret(config),
        batchSize: opts.batchSize,
        onProgress: ({ file, rows }: { file: string; rows: number }) => {
          const speed = Math.round(rows / Math.max(0.001, (Date.now() - started) / 1000));
          if (bar) bar.update(rows, { file: path.basename(file), speed });
          else if (opts.report !== 'json') console.error(`${path.basename(file)}: ${rows} 行 / rows, ${speed} 行/秒 / rows/s`);
        },
      };
      try {
        const summary = opts.resume
          ? await resumeImport({ ...common, runId: opts.resume })
          : await importFiles({ ...common, files, kind: opts.kind, mappingFile: opts.mapping, encoding: opts.encoding, sheet: opts.sheet, source: opts.source, dryRun: opts.dryRun });
        bar?.stop();
        if (opts.report === 'json') console.log(JSON.stringify(summary, null, 2));
        else printSummary(summary);
      } finally {
        bar?.stop();
        await graph.close();
      }
    });
}
