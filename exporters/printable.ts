import { nodeTypes, type NodeTypeName } from '../model/graph.ts';
import { percentText } from '../model/values.ts';
import { chainText } from '../analyses/tabular.ts';
import { unmatchedEntries, type Chain, type EntityKind, type FactValue, type Finding } from '../analyses/envelope.ts';
import { columnCaptions } from './columnCaptions.ts';
import type { ExportStamp, ReportDocument, ReportLocale } from './document.ts';
import { escapeMarkup as esc, FONT_FAMILY, networkSvg } from './networkSvg.ts';

/**
 * The printable report: one self-contained HTML page (no scripts, no links, no external fonts or
 * images — it must print the same in an office without network), which pdf.ts prints through
 * Chromium. What a reader needs to judge the findings comes with them: who ran and exported it,
 * the query and its parameters as resolved, the data it ran on, the findings with their evidence
 * chains, the network, and the method with what any limit reached means.
 *
 * Every printed page carries the operator and the time as a watermark (a fixed element, which
 * print repeats on each page), and the findings table repeats its header (thead as
 * table-header-group). Words around the data are Chinese, or English when the stamp asks; the
 * data stays as imported, escaped.
 */

/** A network bigger than this is unreadable on paper; the report then says where the full picture is. */
export const MAX_PRINTED_NODES = 600;

type Words = Record<string, string>;

const zh: Words = {
  lang: 'zh-CN',
  report: '分析报告',
  office: '单位',
  operator: '导出人',
  exportedAt: '导出时间',
  run: '运行',
  runNumber: '第 {n} 次运行',
  ranAt: '运行时间',
  ranBy: '运行人',
  trigger: '触发方式',
  manual: '手动',
  cli: '命令行',
  schedule: '定时监测',
  runId: '运行编号',
  queryId: '查询编号',
  adHoc: '未保存的查询',
  querySection: '一、查询与参数',
  analysis: '分析',
  about: '分析对象',
  description: '说明',
  parameter: '参数',
  value: '取值',
  vocabularies: '词表版本',
  listTypesVocabulary: '名单类型词表',
  keywordVocabulary: '关键词词表',
  database: '数据库',
  shipped: '随软件发布',
  notUsed: '未使用',
  sourcesSection: '二、数据来源',
  modelVersion: '数据模型版本',
  importRuns: '导入批次',
  importRun: '批次',
  kind: '类型',
  file: '文件',
  finishedAt: '完成时间',
  counts: '行数',
  noImportRuns: '未记录导入批次。',
  entityCounts: '运行时图中实体数量',
  count: '数量',
  summarySection: '三、结果概要',
  findingsCount: '线索数量',
  exhaustive: '搜索是否完整',
  yes: '是',
  no: '否',
  limitsHit: '触及的限制',
  listTypesCounted: '计入的名单类型',
  listTypesNotCounted: '数据中存在但未计入的名单类型',
  entries: '条目',
  flags: '关联',
  notFound: '名单中未找到的条目',
  findingsSection: '四、线索明细',
  no_: '序号',
  subject: '对象',
  score: '得分',
  facts: '要点',
  evidence: '证据链',
  complete: '完整',
  noFindings: '本次运行没有线索。',
  chainsIncomplete: '另有证据链未列出（按比例从大到小列出）。',
  cycleSubgraph: '持股关系成环：计算依据的全部持股关系见关系网络图。',
  networkSection: '五、关系网络图',
  networkEmpty: '没有可绘制的关系。',
  networkTooLarge: '网络共 {nodes} 个实体、{edges} 条关系，纸面无法清晰绘制；完整网络见证据包中的 SVG 与 GraphML 文件。',
  legend: '图例：蓝框为企业，红框为列入名单或涉案的企业，橙色圆点为自然人，箭头由持有人/任职人指向企业，箭头上标注持股比例或职务。',
  methodSection: '六、方法说明',
  ruleSet: '规则',
  threshold: '阈值',
  caps: '搜索上限',
  completeText: '本次搜索未触及任何上限，结果是完整的。',
  incompleteText: '搜索触及上限（exhaustive: false）：比例和数量是下限，“未发现”不能作为否定结论。',
  findingsIncomplete: '{n} 条线索本身触及上限，见明细中“完整”一栏。',
  generalMethod: '每条线索附有成立的依据（证据链）：持股链上的比例为登记比例（计算中调整过的比例另注），间接持股比例为各层比例之积，多条链相加。',
  page: '第 {x} 页 / 共 {y} 页',
};

const en: Words = {
  lang: 'en',
  report: 'Analysis report',
  office: 'Office',
  operator: 'Exported by',
  exportedAt: 'Exported at',
  run: 'Run',
  runNumber: 'Run {n}',
  ranAt: 'Ran at',
  ranBy: 'Ran by',
  trigger: 'Trigger',
  manual: 'manual',
  cli: 'command line',
  schedule: 'scheduled watch',
  runId: 'Run id',
  queryId: 'Query id',
  adHoc: 'unsaved query',
  querySection: '1. Query and parameters',
  analysis: 'Analysis',
  about: 'About',
  description: 'Description',
  parameter: 'Parameter',
  value: 'Value',
  vocabularies: 'Vocabulary versions',
  listTypesVocabulary: 'List types',
  keywordVocabulary: 'Keyword lists',
  database: 'database',
  shipped: 'shipped',
  notUsed: 'not used',
  sourcesSection: '2. Data sources',
  modelVersion: 'Data model version',
  importRuns: 'Import runs',
  importRun: 'Run',
  kind: 'Kind',
  file: 'File',
  finishedAt: 'Finished at',
  counts: 'Rows',
  noImportRuns: 'No import runs recorded.',
  entityCounts: 'Entities in the graph when the report ran',
  count: 'Count',
  summarySection: '3. Summary',
  findingsCount: 'Findings',
  exhaustive: 'Search complete',
  yes: 'yes',
  no: 'no',
  limitsHit: 'Limits reached',
  listTypesCounted: 'List types counted',
  listTypesNotCounted: 'List types present but not counted',
  entries: 'entries',
  flags: 'links',
  notFound: 'List entries not found',
  findingsSection: '4. Findings',
  no_: 'No.',
  subject: 'Subject',
  score: 'Score',
  facts: 'Facts',
  evidence: 'Evidence chains',
  complete: 'Complete',
  noFindings: 'This run has no findings.',
  chainsIncomplete: 'More chains exist than are listed (largest first).',
  cycleSubgraph: 'The holdings go round a cycle: every holding behind the figure is in the network picture.',
  networkSection: '5. Network',
  networkEmpty: 'No relationships to draw.',
  networkTooLarge: 'The network has {nodes} entities and {edges} relationships, too many to draw legibly on paper; the evidence bundle holds it whole as SVG and GraphML.',
  legend: 'Key: blue boxes are firms, red boxes firms on a list or case, orange discs natural persons; arrows point from holder or officer to the firm and carry the share or the role.',
  methodSection: '6. Method',
  ruleSet: 'Rule set',
  threshold: 'Threshold',
  caps: 'Search caps',
  completeText: 'The search reached none of its caps: the result is complete.',
  incompleteText: 'The search reached a cap (exhaustive: false): figures are lower bounds, and "not found" is not a negative finding.',
  findingsIncomplete: '{n} findings reached a cap themselves; see the "Complete" column.',
  generalMethod: 'Each finding carries why it holds (its evidence chains): ratios on holding chains are as registered (a ratio the computation adjusted is noted), an indirect share is the product of the ratios along a chain, and the chains add up.',
  page: 'Page {x} of {y}',
};

export function wordsFor(locale: ReportLocale): Words {
  return locale === 'en' ? en : zh;
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
}

const nodeTypeOfKind: Record<EntityKind, NodeTypeName> = {
  COMPANY: 'Company',
  PERSON: 'Person',
  ADDRESS: 'Address',
  PHONE: 'Phone',
  EMAIL: 'Email',
  WEBSITE: 'Website',
  LIST_ENTRY: 'ListEntry',
  APPROVAL: 'Approval',
  CHANGE_RECORD: 'ChangeRecord',
  BO_FILING: 'BOFiling',
  REGION: 'Region',
};

function kindCaption(kind: string, locale: ReportLocale): string {
  const type = nodeTypeOfKind[kind as EntityKind];
  return type ? nodeTypes[type].caption[locale] : kind;
}

const chainKindCaption: Record<Chain['kind'], [string, string]> = {
  ownership: ['持股', 'ownership'],
  control: ['控制', 'control'],
  role: ['任职', 'role'],
  family: ['亲属', 'family'],
  listing: ['名单/案件', 'listing'],
  membership: ['会员/代理', 'membership'],
  branch: ['分支机构', 'branch'],
  contact: ['共同联系方式', 'contact'],
  approval: ['批准', 'approval'],
  change: ['变更', 'change'],
  filing: ['备案', 'filing'],
  path: ['路径', 'path'],
  sameAs: ['疑似同一人', 'same-person hint'],
};

const limitMeaning: Record<string, [string, string, string | null]> = {
  depth: ['持股关系在搜索的最后一层之后仍在继续', 'holdings continue beyond the last step searched', 'maxDepth'],
  nodes: ['搜索达到实体数量上限', 'the search reached its number of entities', 'maxNodes'],
  fanOut: ['该实体的关系多于所跟踪的数量（枢纽上限），已优先跟踪最大的持股和全部非股权控制', 'that entity has more relationships than were followed (the hub cap); the largest holdings and all non-equity controls were followed first', 'fanOut'],
  time: ['时间预算用完，进行中的一步已完成', 'the time budget ran out; the step under way was finished', 'timeoutMs'],
  unknownRatio: ['途中有持股关系缺少比例，实际比例是下限', 'a holding on the way has no ratio in the data, so the effective ratio is a lower bound', null],
  convergence: ['迭代计算在达到精度之前停止', 'the iterative solver stopped before its tolerance', null],
};

function limitText(limit: string, locale: ReportLocale, params: Record<string, unknown>): string {
  const [name, subject] = limit.startsWith('fanOut:') ? ['fanOut', limit.slice('fanOut:'.length)] : [limit, null];
  const meaning = limitMeaning[name];
  if (!meaning) return esc(limit);
  const [zhText, enText, param] = meaning;
  const setting = param && params[param] !== undefined ? ` (${param} = ${esc(String(params[param]))})` : '';
  const about = subject ? ` — ${esc(subject)}` : '';
  return `<code>${esc(limit)}</code>${about}：${esc(locale === 'en' ? enText : zhText)}${setting}`;
}

const ruleSets: Record<string, [string, string]> = {
  'cn-2024': ['《受益所有人信息管理办法》（中国人民银行、国家市场监督管理总局令2024年第3号）：直接或间接拥有股权达到阈值及以上（≥），或以其他方式实际控制', 'PBOC/SAMR Measures on Beneficial Ownership Information, Order 2024 No. 3: holds the threshold or more (≥), directly or indirectly, or otherwise controls'],
  'cn-2017': ['银发〔2017〕235号、银发〔2018〕164号：直接或间接拥有股权超过阈值（>），再依次考虑人事、财务控制和高级管理人员', 'PBOC 2017 No. 235 with 2018 No. 164: holds more than the threshold (>), directly or indirectly, then control through personnel or finance, then senior managers'],
};

function timeText(iso: string | null): string {
  if (!iso) return '—';
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?Z$/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}

function valueText(v: unknown, locale: ReportLocale): string {
  const w = wordsFor(locale);
  if (v === null || v === undefined) return '—';
  if (typeof v === 'boolean') return v ? w.yes! : w.no!;
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x !== 'object' || x === null)) return v.map(String).join(locale === 'en' ? ', ' : '、');
  return JSON.stringify(v);
}

/** Lists run on in one line: a thousand findings must stay a few hundred pages, not a thousand. */
function factText(v: FactValue, locale: ReportLocale): string {
  if (Array.isArray(v)) return v.length === 0 ? '—' : v.map((x) => esc(x)).join(locale === 'en' ? '; ' : '；');
  return esc(valueText(v, locale));
}

function table(head: string[], rows: string[][], cls = ''): string {
  return `<table class="${cls}"><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

function definitionRows(rows: [string, string][]): string {
  return `<table class="pairs"><tbody>${rows.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join('')}</tbody></table>`;
}

function findingRow(f: Finding, index: number, locale: ReportLocale): string {
  const w = wordsFor(locale);
  const facts = Object.entries(f.facts)
    .filter(([, v]) => !(Array.isArray(v) && v.length === 0) && v !== null)
    .map(([k, v]) => `<div class="fact"><span class="fact-key">${esc(columnCaptions[k]?.[locale] ?? k)}</span> ${factText(v, locale)}</div>`)
    .join('');
  const chains = f.evidence.chains
    .map((c) => `<li><span class="chain-kind">${esc(chainKindCaption[c.kind][locale === 'en' ? 1 : 0])}</span> ${esc(chainText(c))}</li>`)
    .join('');
  const notes = [f.evidence.chainsComplete ? null : w.chainsIncomplete, f.evidence.subgraph ? w.cycleSubgraph : null].filter((n): n is string => n !== null);
  const complete = f.exhaustive ? w.yes! : `${w.no}<div class="limits">${f.limitsHit.map((l) => `<code>${esc(l)}</code>`).join(' ')}</div>`;
  return (
    `<tr class="finding"><td class="num">${index + 1}</td>` +
    `<td class="subject"><div class="name">${esc(f.subject.name)}</div><div class="meta">${esc(kindCaption(f.subject.kind, locale))} · <span class="key">${esc(f.subject.key)}</span></div></td>` +
    `<td class="num">${f.score === null ? '—' : esc(String(f.score))}</td>` +
    `<td class="facts">${facts || '—'}</td>` +
    `<td class="chains"><ul>${chains}</ul>${notes.map((n) => `<div class="note">${esc(n)}</div>`).join('')}</td>` +
    `<td class="complete">${complete}</td></tr>`
  );
}

/**
 * Chromium paginates one long table in time that grows faster than its rows (a 1,000-row table
 * took twice as long as twenty tables of fifty), so the findings are printed as consecutive
 * tables of the same columns, each with its header, which print repeats on every page anyway.
 */
const ROWS_PER_TABLE = 50;

function findingTables(findings: readonly Finding[], locale: ReportLocale): string {
  const w = wordsFor(locale);
  const head =
    `<colgroup><col class="num"><col class="subject"><col class="score"><col class="facts"><col class="chains"><col class="complete"></colgroup>` +
    `<thead><tr>${[w.no_!, w.subject!, w.score!, w.facts!, w.evidence!, w.complete!].map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead>`;
  const tables: string[] = [];
  for (let start = 0; start < findings.length; start += ROWS_PER_TABLE) {
    const rows = findings.slice(start, start + ROWS_PER_TABLE).map((f, i) => findingRow(f, start + i, locale));
    tables.push(`<table class="findings">${head}<tbody>${rows.join('\n')}</tbody></table>`);
  }
  return tables.join('\n');
}

const css = `
@page { size: A4; margin: 16mm 14mm 18mm 14mm; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: ${FONT_FAMILY}; font-size: 9.5pt; line-height: 1.45; color: #1d232b; }
h1 { font-size: 22pt; margin: 0 0 8mm; line-height: 1.3; }
h2 { font-size: 13pt; margin: 8mm 0 3mm; padding-bottom: 1mm; border-bottom: 1.5px solid #2f6fb5; color: #123a66; break-after: avoid; }
h3 { font-size: 10.5pt; margin: 4mm 0 2mm; break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: 0 0 3mm; }
th, td { border: 0.5px solid #aab3bd; padding: 1mm 1.5mm; vertical-align: top; text-align: left; word-break: break-word; }
thead { display: table-header-group; }
thead th { background: #e4eefa; color: #123a66; }
tr { break-inside: avoid; }
table.pairs th { width: 32%; background: #f3f5f8; font-weight: normal; color: #4a5562; }
.cover { break-after: page; padding-top: 40mm; }
.cover .office { font-size: 14pt; color: #4a5562; margin-bottom: 6mm; }
.cover .analysis { font-size: 13pt; margin-bottom: 14mm; color: #123a66; }
.cover table.pairs { width: 70%; font-size: 10.5pt; }
.findings { font-size: 8pt; line-height: 1.35; table-layout: fixed; margin: 0; }
.findings + .findings { margin-top: -0.5px; }
.findings col.num { width: 6%; } .findings col.subject { width: 17%; } .findings col.score { width: 6%; }
.findings col.facts { width: 27%; } .findings col.chains { width: 33%; } .findings col.complete { width: 11%; }
.findings td.num { text-align: right; }
.findings .name { font-weight: bold; }
.findings .meta, .findings .key, .mono { font-size: 7.5pt; color: #5d6772; }
.findings ul { margin: 0; padding-left: 3.5mm; }
.findings li { margin-bottom: 0.4mm; }
.fact { margin-bottom: 0.3mm; } .fact-key { color: #5d6772; }
.chain-kind { display: inline-block; padding: 0 1mm; border-radius: 1mm; background: #eef1f5; color: #4a5562; font-size: 7.5pt; }
.note, .limits { color: #8a5a00; font-size: 7.5pt; }
code { font-family: 'Noto Sans Mono CJK SC', monospace; font-size: 0.92em; }
.network svg { width: 100%; height: auto; max-height: 235mm; }
.network { break-inside: avoid; }
section.network-section { break-before: page; }
.legend { font-size: 8pt; color: #4a5562; }
.watermark { position: fixed; inset: 0; pointer-events: none; z-index: 10; overflow: hidden; }
.watermark div { position: absolute; left: -10%; width: 120%; text-align: center; transform: rotate(-30deg); font-size: 20pt; color: rgba(120, 130, 145, 0.13); white-space: nowrap; }
`;

export function reportHtml(document: ReportDocument, stamp: ExportStamp): string {
  const locale = stamp.locale;
  const w = wordsFor(locale);
  const { query, run, params, data, envelope, network } = document;
  const analysisTitle = locale === 'en' ? query.analysisTitle.en : query.analysisTitle.zh;
  const stampText = `${stamp.exportedBy} · ${timeText(stamp.exportedAt)}`;

  const cover = `<section class="cover">
<div class="office">${esc(run.office ?? '—')}</div>
<h1>${esc(query.title)}</h1>
<div class="analysis">${esc(analysisTitle)}</div>
${definitionRows([
  [w.operator!, esc(stamp.exportedBy)],
  [w.exportedAt!, esc(timeText(stamp.exportedAt))],
  [w.run!, esc(fill(w.runNumber!, { n: run.number }))],
  [w.ranAt!, esc(timeText(run.ranAt))],
  [w.ranBy!, esc(run.ranBy)],
  [w.trigger!, esc(w[run.trigger] ?? run.trigger)],
  [w.runId!, `<span class="mono">${esc(run.id)}</span>`],
  [w.queryId!, query.id === null ? esc(w.adHoc!) : `<span class="mono">${esc(query.id)}</span>`],
])}
</section>`;

  const vocab = (use: ReportDocument['vocabularies']['listTypes']) => (use ? `v${use.version} (${esc(w[use.source] ?? use.source)})` : esc(w.notUsed!));
  const querySection = `<section>
<h2>${esc(w.querySection!)}</h2>
${definitionRows([
  [w.analysis!, `${esc(analysisTitle)} <code>${esc(query.analysis)}</code>`],
  ...(envelope.about ? [[w.about!, `${esc(envelope.about.name)} <span class="mono">${esc(envelope.about.key)}</span>`] as [string, string]] : []),
  ...(query.description ? [[w.description!, esc(query.description)] as [string, string]] : []),
  [w.vocabularies!, `${esc(w.listTypesVocabulary!)} ${vocab(document.vocabularies.listTypes)}；${esc(w.keywordVocabulary!)} ${vocab(document.vocabularies.keywordLists)}`],
])}
${table([esc(w.parameter!), esc(w.value!)], Object.entries(params).map(([k, v]) => [`<code>${esc(k)}</code>`, esc(valueText(v, locale))]), 'params')}
</section>`;

  const runs = data.importRuns.map((r) => [
    `<span class="mono">${esc(r.id)}</span>`,
    esc(r.kind),
    `${esc(r.file)}${r.sha256 ? `<div class="mono">SHA-256 ${esc(r.sha256)}</div>` : ''}`,
    esc(timeText(r.finishedAt)),
    Object.entries(r.counts).map(([k, n]) => `${esc(k)} ${n}`).join('<br>'),
  ]);
  const sourcesSection = `<section>
<h2>${esc(w.sourcesSection!)}</h2>
${definitionRows([[w.modelVersion!, String(data.modelVersion)]])}
<h3>${esc(w.importRuns!)}</h3>
${runs.length ? table([w.importRun!, w.kind!, w.file!, w.finishedAt!, w.counts!].map(esc), runs) : `<p>${esc(w.noImportRuns!)}</p>`}
<h3>${esc(w.entityCounts!)}</h3>
${table([esc(w.kind!), esc(w.count!)], Object.entries(data.counts).map(([k, n]) => [`${esc(kindCaption(k, locale))} <code>${esc(k)}</code>`, String(n)]))}
</section>`;

  const listTypes = envelope.listTypes;
  const notFound = unmatchedEntries(envelope);
  const summarySection = `<section>
<h2>${esc(w.summarySection!)}</h2>
${definitionRows([
  [w.findingsCount!, String(envelope.findings.length)],
  [w.exhaustive!, envelope.exhaustive ? esc(w.yes!) : esc(w.no!)],
  ...(envelope.limitsHit.length ? [[w.limitsHit!, envelope.limitsHit.map((l) => `<code>${esc(l)}</code>`).join(' ')] as [string, string]] : []),
  ...(listTypes
    ? ([
        [w.listTypesCounted!, listTypes.counted.map((t) => `${esc(t.listType)} (${t.entries} ${esc(w.entries!)}, ${t.flags} ${esc(w.flags!)})`).join('<br>') || '—'],
        [w.listTypesNotCounted!, listTypes.notCounted.map((t) => `${esc(t.listType)} [${esc(t.meaning)}] (${t.entries} ${esc(w.entries!)}, ${t.flags} ${esc(w.flags!)})`).join('<br>') || '—'],
      ] as [string, string][])
    : []),
  ...(notFound.length ? [[w.notFound!, notFound.map(esc).join('<br>')] as [string, string]] : []),
])}
</section>`;

  const findingsSection = `<section>
<h2>${esc(w.findingsSection!)}</h2>
${
  envelope.findings.length === 0
    ? `<p>${esc(w.noFindings!)}</p>`
    : findingTables(envelope.findings, locale)
}
</section>`;

  const picture =
    network.nodes.length === 0
      ? `<p>${esc(w.networkEmpty!)}</p>`
      : network.nodes.length > MAX_PRINTED_NODES
        ? `<p>${esc(fill(w.networkTooLarge!, { nodes: network.nodes.length, edges: network.edges.length }))}</p>`
        : `<div class="network">${networkSvg(network, locale)}</div><p class="legend">${esc(w.legend!)}</p>`;
  const networkSection = `<section class="network-section">
<h2>${esc(w.networkSection!)}</h2>
${picture}
</section>`;

  const rules = typeof params.rules === 'string' ? params.rules : null;
  const threshold = typeof params.threshold === 'number' ? params.threshold : null;
  const capNames = ['maxDepth', 'maxNodes', 'fanOut', 'timeoutMs', 'maxFirms'].filter((k) => params[k] !== undefined);
  const incompleteFindings = envelope.findings.filter((f) => !f.exhaustive);
  const limits = [...new Set([...envelope.limitsHit, ...incompleteFindings.flatMap((f) => f.limitsHit)])];
  const methodSection = `<section>
<h2>${esc(w.methodSection!)}</h2>
${definitionRows([
  ...(rules ? [[w.ruleSet!, `<code>${esc(rules)}</code> ${esc(ruleSets[rules]?.[locale === 'en' ? 1 : 0] ?? '')}`] as [string, string]] : []),
  ...(threshold !== null ? [[w.threshold!, `${esc(percentText(threshold))} (${rules === 'cn-2017' ? '>' : '≥'})`] as [string, string]] : []),
  ...(capNames.length ? [[w.caps!, capNames.map((k) => `<code>${esc(k)}</code> = ${esc(String(params[k]))}`).join('；')] as [string, string]] : []),
])}
<p>${esc(w.generalMethod!)}</p>
<p>${esc(envelope.exhaustive && incompleteFindings.length === 0 ? w.completeText! : w.incompleteText!)}</p>
${incompleteFindings.length ? `<p>${esc(fill(w.findingsIncomplete!, { n: incompleteFindings.length }))}</p>` : ''}
${limits.length ? `<ul>${limits.map((l) => `<li>${limitText(l, locale, params)}</li>`).join('')}</ul>` : ''}
</section>`;

  // Four bands cover an A4 page at any scale; print repeats a fixed element on every page.
  const watermark = `<div class="watermark" aria-hidden="true">${[12, 37, 62, 87].map((top) => `<div style="top:${top}%">${esc(stampText)}</div>`).join('')}</div>`;

  return `<!DOCTYPE html>
<html lang="${w.lang}">
<head>
<meta charset="utf-8">
<title>${esc(query.title)} — ${esc(w.report!)}</title>
<style>${css}</style>
</head>
<body>
${watermark}
${cover}
${querySection}
${sourcesSection}
${summarySection}
${findingsSection}
${networkSection}
${methodSection}
</body>
</html>
`;
}

/** The footer pdf.ts prints under every page; Chromium fills pageNumber and totalPages. */
export function pageFooter(locale: ReportLocale): string {
  const text = esc(wordsFor(locale).page!)
    .replace('{x}', '<span class="pageNumber"></span>')
    .replace('{y}', '<span class="totalPages"></span>');
  return `<div style="width:100%;font-family:${FONT_FAMILY.replace(/"/g, "'")};font-size:8pt;color:#5d6772;text-align:center;">${text}</div>`;
}
