import fs from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../../server/config.ts';
import { analyses, analysisNames, getAnalysis, parseParams } from '../../analyses/index.ts';
import type { Envelope } from '../../analyses/envelope.ts';
import { chainText, findingRows, toCsv } from '../../analyses/tabular.ts';
import { openGraph } from '../database.ts';

/** `chuantou run <analysis> --param k=v … --format json|csv|table`: any analysis of the registry. */

const formats = ['json', 'csv', 'table'] as const;
type Format = (typeof formats)[number];

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** `--param firm=南京… --param threshold=0.25` as an object; values stay text for the schema to coerce. */
export function paramsFromPairs(pairs: string[]): Record<string, string> {
  const params: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new Error(`参数应写作 key=value / a parameter is written key=value: "${pair}"`);
    const key = pair.slice(0, eq).trim();
    if (key in params) throw new Error(`参数重复 / parameter given twice: ${key}`);
    params[key] = pair.slice(eq + 1);
  }
  return params;
}

const percent = (v: unknown) => (typeof v === 'number' ? `${+(v * 100).toFixed(4)}%` : v);

function printTable(envelope: Envelope, scoreIsRatio: boolean): void {
  const about = envelope.about ? `${envelope.about.name} (${envelope.about.key})` : '';
  console.log(`${envelope.analysis}: ${about}  ${envelope.ranAt}`);
  console.log(
    envelope.exhaustive
      ? '搜索完整 / exhaustive'
      : `搜索未完整，结果为下限 / not exhaustive, figures are lower bounds — limitsHit: ${envelope.limitsHit.join(', ')}`,
  );
  const rows = findingRows(envelope);
  if (rows.length === 0) {
    console.log('无结果 / no findings');
    return;
  }
  console.table(
    rows.map(({ evidence: _evidence, limitsHit: _limits, exhaustive: _exhaustive, ...row }) => ({
      ...row,
      score: scoreIsRatio ? percent(row.score) : row.score,
      ...('effectiveRatio' in row ? { effectiveRatio: percent(row.effectiveRatio) } : {}),
      ...('directRatio' in row && row.directRatio !== null ? { directRatio: percent(row.directRatio) } : {}),
    })),
  );
  console.log('证据 / evidence:');
  for (const f of envelope.findings) {
    for (const c of f.evidence.chains.slice(0, 5)) console.log(`  [${c.kind}] ${chainText(c)}`);
    if (f.evidence.chains.length > 5 || !f.evidence.chainsComplete) console.log(`  … ${f.subject.name}: 更多链条见 json / more chains in the json format`);
  }
}

export function registerRunCommand(program: Command): void {
  const help = analysisNames
    .map((n) => {
      const a = analyses[n]!;
      const params = Object.entries(a.parameters).map(([k, v]) => `      ${k.padEnd(10)} ${v}`);
      return `  ${n} — ${a.title.zh} / ${a.title.en}\n${params.join('\n')}`;
    })
    .join('\n');
  program
    .command('run')
    .description('运行分析 / run an analysis')
    .argument('<analysis>', `分析名称 / analysis name: ${analysisNames.join(' | ')}`)
    .option('--param <key=value>', '分析参数，可重复 / an analysis parameter, repeatable', collect, [])
    .option('--format <format>', `输出格式 / output format: ${formats.join(' | ')}`, 'table')
    .option('--output <file>', '写入文件而非标准输出 / write to a file instead of standard output')
    .addHelpText('after', `\n分析与参数 / analyses and their parameters:\n${help}\n\n例 / example:\n  npx chuantou run beneficial-owners --param firm=91320106MA1X000202 --format csv --output owners.csv`)
    .action(async (name: string, opts: { param: string[]; format: string; output?: string }) => {
      if (!formats.includes(opts.format as Format)) throw new Error(`未知格式 / unknown format "${opts.format}": ${formats.join(' | ')}`);
      if (opts.format === 'table' && opts.output) throw new Error('table 格式只用于终端，写文件请用 csv 或 json / table is for the terminal; use csv or json with --output');
      const analysis = getAnalysis(name);
      // Bad parameters are reported before connecting, so a typo costs no database round trip.
      const config = loadConfig();
      const params = parseParams(name, paramsFromPairs(opts.param), config.analysis);
      const graph = await openGraph(config);
      let envelope: Envelope;
      try {
        envelope = await graph.reading((reader) => analysis.run(reader, params));
      } finally {
        await graph.close();
      }
      const format = opts.format as Format;
      if (format === 'table') {
        printTable(envelope, analysis.scoreIsRatio === true);
        return;
      }
      const text = format === 'csv' ? toCsv(envelope) : `${JSON.stringify(envelope, null, 2)}\n`;
      if (opts.output) {
        fs.writeFileSync(opts.output, text);
        console.error(`已写入 / written: ${opts.output}`);
      } else {
        process.stdout.write(text);
      }
    });
}
