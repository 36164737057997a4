import path from 'node:path';
import type { Command } from 'commander';
import { printFileTable } from './import.ts';
import cliProgress from 'cli-progress';
import { loadConfig } from '../../server/config.ts';
import { keySecret } from '../../server/keySecret.ts';
import { bulkLoad, type BulkLoadSummary } from '../../importers/bulk/bulkLoad.ts';
import type { RecordKind } from '../../importers/mapping.ts';
import type { Encoding } from '../../importers/read/source.ts';

/** `chuantou bulk-load FILE…`: the first load of very large files, through neo4j-admin. */

class BulkLoadUsageError extends Error {
  constructor(
    readonly code: 'BULK_EXTERNAL_DATABASE' | 'BULK_MEMORY_SIZE_INVALID',
    message: string,
  ) {
    super(message);
  }
}

const MEMORY_SIZE = /^\d+(\.\d+)?[kmgKMG]?$/;

function printSummary(summary: BulkLoadSummary): void {
  console.log(`\n批量导入批次 / bulk run ${summary.runId}: ${summary.status}, ${summary.seconds.toFixed(1)} s`);
  printFileTable(summary.files);
  const p = summary.phases;
  console.log(`节点 / nodes ${summary.nodes}，关系 / relationships ${summary.relationships}`);
  console.log(
    `用时 / time: 转换 convert ${p.convert.toFixed(1)} s, CSV ${p.writeCsv.toFixed(1)} s, neo4j-admin ${p.adminImport.toFixed(1)} s, 约束与批次记录 schema and run record ${p.schemaAndRun.toFixed(1)} s`,
  );
  if (summary.proposedSamePersons > 0) console.log(`疑似同一人待核实 / possibly-same-person links proposed: ${summary.proposedSamePersons}`);
  if (summary.rejectsFile) console.log(`问题行见 / rejected and flagged rows: ${summary.rejectsFile}`);
  if (summary.csvDir) console.log(`neo4j-admin CSV: ${summary.csvDir}`);
  console.log(`报告 / report: ${summary.reportFile}`);
  console.log('数据库已停止；用 npx chuantou db start 或 npm start 启动 / the database is stopped: start it with npx chuantou db start or npm start');
}

export function registerBulkCommand(program: Command): void {
  program
    .command('bulk-load')
    .description('首次将超大文件批量导入空的本地数据库（neo4j-admin）/ first load of very large files into the empty local database, through neo4j-admin')
    .argument('<files...>', 'CSV、XLSX、JSON、NDJSON 记录文件 / CSV, XLSX, JSON or NDJSON record files')
    .option('--kind <kind>', '记录类型，默认按表头识别 / record kind, detected from headers by default: registrations|shareholders|officers|members|branches|lists|approvals|changes|relations|boFilings')
    .option('--mapping <file>', '列映射文件（复制 importers/mappings/ 中的文件修改）/ column mapping file')
    .option('--encoding <encoding>', '文件编码 utf-8 | gb18030，默认自动识别 / file encoding, detected by default')
    .option('--sheet <name>', '只导入 XLSX 的此工作表 / only this sheet of XLSX files')
    .option('--source <label>', '数据来源标签 / data source label', 'import')
    .option('--batch-size <n>', '每批转换行数（与 import 相同）/ rows per batch, as for import', (v) => Number(v), 1000)
    .option('--heap <size>', 'neo4j-admin 导入进程的堆内存 / heap of the neo4j-admin JVM', '2g')
    .option('--off-heap <size>', 'neo4j-admin 可用的堆外内存上限 / cap on neo4j-admin off-heap memory', '4g')
    .option('--keep-csv', '保留生成的 neo4j-admin CSV 文件 / keep the generated neo4j-admin CSV files')
    .option('--report <format>', '以 json 输出汇总 / print the summary as json')
    .addHelpText(
      'after',
      `
只用于首次导入：Neo4j 社区版只能批量导入到已停止且为空的数据库；数据库正在运行或已有数据时拒绝执行
（BULK_DATABASE_RUNNING / BULK_DATABASE_NOT_EMPTY）。之后的文件请用 npx chuantou import 导入。
校验、拒绝行文件和导入批次与 import 相同；转换时整个图保存在内存中（见 docs/bulk-import.md）。

For the first load only: Neo4j Community bulk-imports only into a stopped, empty database, and a
running or non-empty one is refused (BULK_DATABASE_RUNNING / BULK_DATABASE_NOT_EMPTY). Load later
files with npx chuantou import. Validation, the rejects file and the import run are those of import;
the graph is held in memory while it is converted (see docs/bulk-import.md).`,
    )
    .action(
      async (
        files: string[],
        opts: { kind?: RecordKind; mapping?: string; encoding?: Encoding; sheet?: string; source: string; batchSize: number; heap: string; offHeap: string; keepCsv?: boolean; report?: string },
      ) => {
        const config = loadConfig();
        if (config.neo4j.external) {
          throw new BulkLoadUsageError(
            'BULK_EXTERNAL_DATABASE',
            `NEO4J_URI 指向外部服务器 ${config.neo4j.uri}；批量导入只能写入本地数据库，外部服务器请用 npx chuantou import / NEO4J_URI names an external server: bulk-load writes the local database only; use npx chuantou import`,
          );
        }
        for (const [option, value] of [['--heap', opts.heap], ['--off-heap', opts.offHeap]] as const) {
          if (!MEMORY_SIZE.test(value)) throw new BulkLoadUsageError('BULK_MEMORY_SIZE_INVALID', `${option} ${value}: 应为内存大小，如 512m、2g / a memory size such as 512m or 2g`);
        }
        const json = opts.report === 'json';
        const bar = process.stderr.isTTY && !json ? new cliProgress.SingleBar({ format: '{file} | {value} 行 | {speed} 行/秒', hideCursor: true }) : null;
        const started = Date.now();
        try {
          const summary = await bulkLoad({
            files,
            kind: opts.kind,
            mappingFile: opts.mapping,
            encoding: opts.encoding,
            sheet: opts.sheet,
            source: opts.source,
            batchSize: opts.batchSize,
            home: config.local.neo4jHome,
            workDir: config.local.dataDir,
            reportDir: path.join(config.local.dataDir, 'imports'),
            secret: keySecret(config),
            importHeap: opts.heap,
            importOffHeap: opts.offHeap,
            keepCsv: opts.keepCsv,
            server: { boltPort: config.local.boltPort, heap: config.local.heap, pageCache: config.local.pageCache, passwordFile: config.local.neo4jPasswordFile },
            onProgress: ({ file, rows }) => {
              const speed = Math.round(rows / Math.max(0.001, (Date.now() - started) / 1000));
              if (bar) {
                if (!bar.isActive) bar.start(0, 0, { file: '', speed: 0 });
                bar.update(rows, { file: path.basename(file), speed });
              } else if (!json) console.error(`${path.basename(file)}: ${rows} 行 / rows, ${speed} 行/秒 / rows/s`);
            },
            log: (line) => {
              bar?.stop();
              if (!json) console.error(line);
            },
          });
          bar?.stop();
          if (json) console.log(JSON.stringify(summary, null, 2));
          else printSummary(summary);
        } finally {
          bar?.stop();
        }
      },
    );
}
