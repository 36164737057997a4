import fs from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../../server/config.ts';
import { analyses, analysisNames, getAnalysis, parseParams, runAnalysis } from '../../analyses/index.ts';
import type { Envelope } from '../../analyses/envelope.ts';
import { chainText, findingRows, toCsv, type Cell } from '../../analyses/tabular.ts';
import { percentText } from '../../model/values.ts';
import { maskIdNumbersInText } from '../../model/idMasking.ts';
import { openCurrentGraph } from '../database.ts';
import { noteForAudit } from '../audited.ts';
import { renderTable, terminalWidth, wrapIndented, wrapText, type TableCell, type TableColumn } from '../table.ts';

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

const percent = (v: unknown) => (typeof v === 'number' ? percentText(v) : v);

/** A limit of the envelope in plain words: what was searched and what was not. */
export function limitText(limit: string, envelope: Envelope): string {
  const p = envelope.params as Record<string, unknown>;
  const fanOut = /^fanOut:(.+)$/.exec(limit);
  if (fanOut) {
    const key = fanOut[1]!;
    const name = envelope.findings.find((f) => f.subject.key === key)?.subject.name ?? (envelope.about?.key === key ? envelope.about.name : key);
    return `${name} 的关系多于 fanOut=${p.fanOut} 条，只跟随了其中最强的 ${p.fanOut} 条 / ${name} has more than fanOut=${p.fanOut} relationships; only the ${p.fanOut} strongest were followed`;
  }
  switch (limit) {
    case 'depth':
      return envelope.analysis === 'paths'
        ? `只查找了 ${p.maxHops} 跳以内的路径，更长的路径未查找（可调大 maxHops）/ only paths of up to ${p.maxHops} hops were searched; longer ones were not (raise maxHops)`
        : `只查找了 ${p.maxDepth ?? p.depth} 层以内，更深的未查找（可调大 maxDepth）/ only ${p.maxDepth ?? p.depth} steps deep were searched; deeper ones were not (raise maxDepth)`;
    case 'nodes':
      return `查到 maxNodes=${p.maxNodes} 个实体后停止，其余未查找 / the search stopped after maxNodes=${p.maxNodes} entities; the rest was not searched`;
    case 'time':
      return `搜索时限 timeoutMs=${p.timeoutMs} 已到，其余未查找 / the time budget timeoutMs=${p.timeoutMs} ran out; the rest was not searched`;
    case 'unknownRatio':
      return '途经的持股有比例未知，相关比例为下限 / a holding on the way has no ratio, so those figures are lower bounds';
    case 'convergence':
      return '迭代计算未达到精度即停止，比例为近似值 / the iterative computation stopped before its tolerance; figures are approximate';
    default:
      return limit;
  }
}

/** Facts that are fractions of 1, shown as percentages. */
const RATIO_FACTS = new Set(['effectiveRatio', 'directRatio']);
/** Columns the table leaves out: the evidence is printed below it, exhaustive is what limitsHit says. */
const NOT_IN_TABLE = new Set(['evidence', 'exhaustive']);

const isEmpty = (v: Cell) => v === null || v === '';

/** The envelope for a terminal: what was searched, the findings as a table no wider than `width`, the evidence. */
export function tableText(envelope: Envelope, scoreIsRatio: boolean, width: number): string[] {
  const out: string[] = [];
  const about = envelope.about ? `${envelope.about.name} (${envelope.about.key})` : '';
  out.push(...wrapText(`${envelope.analysis}: ${about}  ${envelope.ranAt}`, width));
  const rows = findingRows(envelope);
  // An analysis that says in its own words what it searched (paths: `searched`) is quoted instead of its limits.
  const searched = rows.length > 0 && rows.every((r) => typeof r.searched === 'string' && r.searched === rows[0]!.searched) ? String(rows[0]!.searched) : null;
  if (searched) out.push(...wrapText(searched, width));
  else if (envelope.exhaustive) out.push(...wrapText('搜索完整 / exhaustive: nothing was left unsearched', width));
  else {
    out.push(...wrapText('搜索有边界，结果只含已查找的部分 / the search had limits; the results cover what was searched:', width));
    for (const limit of envelope.limitsHit) out.push(...wrapIndented(`- ${limitText(limit, envelope)}`, width));
  }
  if (rows.length === 0) {
    out.push('无结果 / no findings');
    return out;
  }
  // The name first: a narrow terminal leaves out the last columns, never the name.
  const order = ['name', 'kind', 'key'];
  const keys = [...order, ...Object.keys(rows[0]!).filter((k) => !order.includes(k))].filter(
    (k) => !NOT_IN_TABLE.has(k) && !(k === 'searched' && searched) && rows.some((r) => !isEmpty(r[k] ?? null)),
  );
  // One kind for every finding says nothing row by row; a finding's own limits only when some differ from the envelope's.
  const shownKeys = keys.filter((k) => (k !== 'kind' || new Set(rows.map((r) => r.kind)).size > 1) && (k !== 'limitsHit' || rows.some((r) => r.limitsHit !== envelope.limitsHit.join('; '))));
  const columns: TableColumn[] = shownKeys.map((key) => ({ key, title: key, align: rows.every((r) => r[key] === null || typeof r[key] === 'number') ? 'right' : 'left' }));
  const shown = rows.map((row) => ({
    ...row,
    score: scoreIsRatio ? percent(row.score) : row.score,
    ...Object.fromEntries([...RATIO_FACTS].filter((k) => k in row && row[k] !== null).map((k) => [k, percent(row[k])])),
  })) as Record<string, TableCell>[];
  out.push(...renderTable(columns, shown, width));
  out.push('证据 / evidence:');
  for (const f of envelope.findings) {
    for (const c of f.evidence.chains.slice(0, 5)) out.push(...wrapIndented(`[${c.kind}] ${chainText(c)}`, width));
    if (f.evidence.chains.length > 5 || !f.evidence.chainsComplete) out.push(...wrapIndented(`… ${f.subject.name}: 更多链条见 json / more chains in the json format`, width));
  }
  return out;
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
    .option('--reason <text>', '查询事由（案件编号或说明）：给出后显示完整证件号码，并记入审计日志 / the reason for the query (case number or a sentence): with it, full ID numbers are shown, and it is recorded in the audit trail')
    .addHelpText('after', `\n分析与参数 / analyses and their parameters:\n${help}\n\n例 / example:\n  npx chuantou run beneficial-owners --param firm=91320106MA1X000202 --format csv --output owners.csv`)
    .action(async (name: string, opts: { param: string[]; format: string; output?: string; reason?: string }) => {
      if (!formats.includes(opts.format as Format)) throw new Error(`未知格式 / unknown format "${opts.format}": ${formats.join(' | ')}`);
      if (opts.format === 'table' && opts.output) throw new Error('table 格式只用于终端，写文件请用 csv 或 json / table is for the terminal; use csv or json with --output');
      const analysis = getAnalysis(name);
      // Bad parameters are reported before connecting, so a typo costs no database round trip.
      const config = loadConfig();
      const params = paramsFromPairs(opts.param);
      parseParams(name, params, config.analysis);
      const graph = await openCurrentGraph(config);
      let envelope: Envelope;
      try {
        envelope = await runAnalysis(graph, name, params, config.analysis);
      } finally {
        await graph.close();
      }
      // The same rule as the API's: ID numbers masked unless a reason is given (model/idMasking.ts).
      const reveal = typeof opts.reason === 'string' && opts.reason.trim().length > 0;
      const shown = reveal ? (text: string) => text : maskIdNumbersInText;
      noteForAudit({ resultCount: envelope.findings.length, ...(reveal ? { reason: opts.reason, detail: '显示完整证件号码 / full ID numbers shown' } : {}) });
      const format = opts.format as Format;
      if (format === 'table') {
        console.log(shown(tableText(envelope, analysis.scoreIsRatio === true, terminalWidth()).join('\n')));
        return;
      }
      const text = shown(format === 'csv' ? toCsv(envelope) : `${JSON.stringify(envelope, null, 2)}\n`);
      if (opts.output) {
        fs.writeFileSync(opts.output, text);
        console.error(`已写入 / written: ${opts.output}`);
      } else {
        process.stdout.write(text);
      }
    });
}
