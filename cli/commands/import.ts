import path from 'node:path';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { loadConfig } from '../../server/config.ts';
import { keySecret } from '../../server/keySecret.ts';
import { importFiles, resumeImport, retractImport, type ImportSummary } from '../../importers/importFiles.ts';
import { extendListTypes } from '../../importers/listTypes.ts';
import type { RecordKind } from '../../importers/mapping.ts';
import type { Encoding } from '../../importers/read/source.ts';
import { snapshotDate } from '../../importers/passes/snapshots.ts';
import { openCurrentGraph } from '../database.ts';
import { renderTable, terminalWidth } from '../table.ts';

/** `chuantou import FILE…`: the online importer, with progress on a terminal and a summary table. */

/** The per-file table `import` and `bulk-load` print at the end. */
export function printFileTable(files: ImportSummary['files']): void {
  const count = (title: string, key: string) => ({ key, title, align: 'right' as const });
  // The least needed last: a narrow terminal leaves it out (and says so).
  const columns = [
    { key: 'file', title: '文件\nfile' },
    { key: 'kind', title: '类型\nkind' },
    count('读取\nread', 'read'),
    count('写入\nwritten', 'written'),
    count('拒绝\nrejected', 'rejected'),
    count('标记\nflagged', 'flagged'),
    count('空行\nblank', 'blank'),
    { key: 'encoding', title: '编码\nencoding' },
  ];
  const rows = files.map((f) => ({ ...f, file: path.basename(f.file) + (f.sheet ? ` [${f.sheet}]` : '') }));
  console.log(renderTable(columns, rows, terminalWidth()).join('\n'));
}

/** The driver's codes for a server that went away (stopped, crashed, network gone) mid-run. */
const CONNECTION_LOST = new Set(['ServiceUnavailable', 'SessionExpired']);

export class ImportInterruptedError extends Error {
  readonly code = 'IMPORT_INTERRUPTED';
}

/**
 * A run that failed says what happened to it and how to finish it: the batches written are in the
 * database and `--resume` takes the run up from its last one.
 */
export function explainFailure(error: unknown): unknown {
  const e = error as Error & { code?: string; summary?: ImportSummary };
  const runId = e.summary?.runId;
  if (!runId || e.summary?.status === 'dry-run') return error;
  const resume = `npx chuantou import --resume ${runId}`;
  if (e.code && CONNECTION_LOST.has(e.code)) {
    return new ImportInterruptedError(
      `与数据库的连接中断，导入批次 ${runId} 已停止；已写入的行保留在数据库中。数据库恢复后运行以下命令从中断处继续：\n  ${resume}\n` +
        `The connection to the database was lost and import run ${runId} stopped; the rows written so far are kept. Once the database is back, finish the run with:\n  ${resume}`,
    );
  }
  return Object.assign(error as Error, { message: `${e.message}\n导入批次 ${runId} 未完成，可续导 / run ${runId} did not finish; resume it with:\n  ${resume}` });
}

function printSummary(summary: ImportSummary): void {
  console.log(`\n导入批次 / run ${summary.runId}: ${summary.status}, ${summary.seconds.toFixed(1)} s`);
  printFileTable(summary.files);
  const closed = summary.inferredByCode.SNAPSHOT_CLOSED ?? 0;
  if (closed > 0) console.log(`快照未再列出、已结束的持股与职务 / holdings and offices the snapshot no longer lists, now ended [SNAPSHOT_CLOSED]: ${closed}`);
  if (summary.proposedSamePersons > 0) console.log(`疑似同一人待核实 / possibly-same-person links proposed: ${summary.proposedSamePersons}`);
  for (const u of summary.listTypes.unknown) {
    console.log(`未知名单类型 / unknown list type [LIST_TYPE_UNKNOWN] “${u.spelling}”：${u.rows} 行 / rows — ${u.hint}`);
  }
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
    .option('--snapshot <date>', '股东、人员文件为截至该日（YYYY-MM-DD）的完整名单：文件列出的企业中未再列出的持股与职务于该日结束 / the shareholder and officer files list every holder and role as of this day: for the firms they list, what they no longer list ends on it')
    .option('--list-types <file>', '名单类型文件：先把其中的写法与类型加入名单类型词表（JSON，或含“写法,类型”列的 CSV/XLSX）/ a list-types file: add its spellings and types to the vocabulary first (JSON, or CSV/XLSX with columns 写法,类型)')
    .option('--report <format>', '以 json 输出汇总 / print the summary as json')
    .option('--batch-size <n>', '每批写入行数 / rows per write batch', (v) => Number(v), 1000)
    .option('--resume <run>', '从中断处继续该导入批次 / finish an interrupted run')
    .option('--retract <run>', '撤销该导入批次写入的内容 / remove what a run wrote that no other run asserts')
    .action(async (files: string[], opts: { kind?: RecordKind; mapping?: string; encoding?: Encoding; sheet?: string; source: string; dryRun?: boolean; report?: string; resume?: string; retract?: string; batchSize: number; listTypes?: string; snapshot?: string }) => {
      const config = loadConfig();
      if (!opts.resume && !opts.retract && !opts.listTypes && files.length === 0) throw new Error('请指定要导入的文件 / name the files to import');
      // A mistyped date is refused before connecting, with nothing written.
      const snapshot = opts.snapshot === undefined ? undefined : snapshotDate(opts.snapshot);
      const graph = await openCurrentGraph(config);
      if (files.length === 0 && opts.listTypes && !opts.resume && !opts.retract) {
        // Only the vocabulary: a spelling mapped now counts in every screen from now on, rows already imported included.
        try {
          const { vocabulary, changes } = await extendListTypes(graph, opts.listTypes);
          const added = changes.map((c) => `${c.code}${c.isNew ? '（新 / new）' : ''}: ${c.added.join('、')}`);
          console.log(`名单类型词表版本 / list-type vocabulary version ${vocabulary.version}${added.length > 0 ? `\n${added.join('\n')}` : '（无变化 / unchanged）'}`);
        } finally {
          await graph.close();
        }
        return;
      }
      if (opts.retract) {
        try {
          const { redecided } = await retractImport(graph, opts.retract);
          console.log(`已撤销导入批次 / retracted run ${opts.retract}`);
          for (const f of redecided) console.log(`重新判断 / decided again: ${f.code} ${f.value} — ${f.detail}`);
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
          : await importFiles({ ...common, files, kind: opts.kind, mappingFile: opts.mapping, encoding: opts.encoding, sheet: opts.sheet, source: opts.source, dryRun: opts.dryRun, listTypesFile: opts.listTypes, snapshot });
        bar?.stop();
        if (opts.report === 'json') console.log(JSON.stringify(summary, null, 2));
        else printSummary(summary);
      } catch (error) {
        bar?.stop();
        throw explainFailure(error);
      } finally {
        bar?.stop();
        await graph.close();
      }
    });
}
