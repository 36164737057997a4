import path from 'node:path';
import type { Command } from 'commander';
import { generateProvince, MIN_FIRMS, type GenerateResult } from '../../generator/index.ts';

/** `chuantou generate`: a synthetic province as the files a user would import, with truth.json. */

function integer(name: string, min: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new Error(`${name} 应为不小于 ${min} 的整数 / ${name} must be an integer of at least ${min}: ${value}`);
    return n;
  };
}

function printSummary(result: GenerateResult, seconds: number, peakMb: number): void {
  console.table(
    result.files.map((f) => ({
      文件: path.basename(f.file),
      类型: f.kind,
      编码: f.kind === 'truth' ? 'utf-8' : result.truth.encodings[f.kind],
      行数: f.kind === 'truth' ? '' : f.rows,
      问题行: f.kind === 'truth' ? '' : result.truth.counts[f.kind].bad,
      字节: f.bytes,
    })),
  );
  const rows = result.files.reduce((s, f) => s + f.rows, 0);
  console.log(`共 ${rows} 行，用时 ${seconds.toFixed(1)} 秒，内存峰值 ${peakMb.toFixed(0)} MB / ${rows} rows in ${seconds.toFixed(1)} s, peak memory ${peakMb.toFixed(0)} MB`);
  console.log(`预期答案 / expected answers: ${path.join(path.dirname(result.files[0]!.file), 'truth.json')}`);
}

export function registerGenerateCommand(program: Command): void {
  program
    .command('generate')
    .description('生成一个省的模拟数据：各类导入文件（中文表头、常见写法与编码）及 truth.json / generate a synthetic province: every record kind as exports arrive, plus truth.json')
    .requiredOption('--firms <n>', `企业数（不少于 ${MIN_FIRMS}）/ number of firms (at least ${MIN_FIRMS})`, integer('--firms', MIN_FIRMS))
    .option('--seed <n>', '随机种子：同一种子生成相同的字节 / seed: the same seed writes the same bytes', integer('--seed', 0), 1)
    .option('--jurisdiction <code>', '辖区行政区划代码（省或市）/ jurisdiction division code (province or city)', '320000')
    .requiredOption('--out <dir>', '输出目录 / output folder')
    .option('--demo', '演示数据：植入 demo/README.md 的示例实体（仅江苏）/ the demo variant with the walkthrough entities (Jiangsu only)')
    .option('--report <format>', '以 json 输出汇总 / print the summary as json')
    .action(async (opts: { firms: number; seed: number; jurisdiction: string; out: string; demo?: boolean; report?: string }) => {
      const started = process.hrtime.bigint();
      const progress = process.stderr.isTTY && opts.report !== 'json';
      const result = await generateProvince({
        firms: opts.firms,
        seed: opts.seed,
        jurisdiction: opts.jurisdiction,
        out: opts.out,
        demo: opts.demo ?? false,
        onProgress: progress ? (n) => process.stderr.write(`\r${n} / ${opts.firms}`) : undefined,
      });
      if (progress) process.stderr.write('\n');
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const peakMb = process.resourceUsage().maxRSS / 1024;
      if (opts.report === 'json') {
        console.log(JSON.stringify({ files: result.files, seconds, peakRssMb: peakMb, shape: result.truth.shape }, null, 2));
      } else printSummary(result, seconds, peakMb);
    });
}
