import writeXlsxFile, { type Cell as XlsxCell, type Row, type SheetData } from 'write-excel-file/node';
import { analyses } from '../analyses/index.ts';
import { chainText, findingRows, type Cell } from '../analyses/tabular.ts';
import { csvCell } from '../model/csv.ts';
import { captionText, columnHeader, type Caption } from './columnCaptions.ts';
import type { ExportStamp, ReportDocument, ReportLocale } from './document.ts';

/**
 * A report run as tables: CSV (the findings only, one row each) and XLSX (findings, evidence
 * chains, parameters, data sources), both with the rows of analyses/tabular.ts so the CLI, the
 * UI and the files agree on what a finding's row is.
 *
 * XLSX is written with `write-excel-file`: maintained (4.1 released in June 2026), one dependency (fflate),
 * and it writes typed cells, number formats, frozen rows and column widths, which is all a report
 * needs. `exceljs` has had no release since 2023 and npm's `xlsx` stays at a version with open
 * advisories (the fixed ones are published off npm). exceljs only reads the files back in tests.
 *
 * Spreadsheet safety: in the CSV a cell that would run as a formula is neutralised (model/csv.ts);
 * in the XLSX every text is a typed string cell, which Excel never evaluates, so it stays as is.
 */

const captions = {
  findings: { zh: '发现', en: 'Findings' },
  chains: { zh: '证据链', en: 'Evidence chains' },
  parameters: { zh: '参数', en: 'Parameters' },
  sources: { zh: '数据来源', en: 'Data sources' },
  findingNo: { zh: '发现序号', en: 'Finding no.' },
  chainNo: { zh: '链序号', en: 'Chain no.' },
  chainKind: { zh: '链类型', en: 'Chain kind' },
  chain: { zh: '证据链', en: 'Chain' },
  product: { zh: '持股比例乘积', en: 'Product of ratios' },
  pathKeys: { zh: '路径编号', en: 'Keys on the path' },
  chainsComplete: { zh: '证据链已全部列出', en: 'All chains listed' },
  parameter: { zh: '参数', en: 'Parameter' },
  value: { zh: '值', en: 'Value' },
  meaning: { zh: '说明', en: 'Meaning' },
  reportTitle: { zh: '报告', en: 'Report' },
  description: { zh: '描述', en: 'Description' },
  analysis: { zh: '分析', en: 'Analysis' },
  importRun: { zh: '导入批次', en: 'Import run' },
  importKind: { zh: '导入类型', en: 'Kind' },
  file: { zh: '文件', en: 'File' },
  fileSha256: { zh: '文件 SHA-256', en: 'File SHA-256' },
  finishedAt: { zh: '完成时间 (UTC)', en: 'Finished at (UTC)' },
  rows: { zh: '读取行数', en: 'Rows read' },
  written: { zh: '写入', en: 'Written' },
  rejected: { zh: '拒收', en: 'Rejected' },
  item: { zh: '项目', en: 'Item' },
  runId: { zh: '报告运行编号', en: 'Report run id' },
  runNumber: { zh: '运行序号', en: 'Run number' },
  ranAt: { zh: '运行时间 (UTC)', en: 'Ran at (UTC)' },
  ranBy: { zh: '运行人', en: 'Ran by' },
  trigger: { zh: '触发方式', en: 'Trigger' },
  office: { zh: '单位', en: 'Office' },
  contentHash: { zh: '内容哈希 SHA-256', en: 'Content hash (SHA-256)' },
  modelVersion: { zh: '数据模型版本', en: 'Data model version' },
  listTypesVocabulary: { zh: '名单类型词表版本', en: 'List-type vocabulary version' },
  keywordVocabulary: { zh: '关键词表版本', en: 'Keyword lists version' },
  entities: { zh: '图中实体数', en: 'Entities in the graph' },
  exportedBy: { zh: '导出人', en: 'Exported by' },
  exportedAt: { zh: '导出时间 (UTC)', en: 'Exported at (UTC)' },
} satisfies Record<string, Caption>;

const label = captionText;
const columnLabel = columnHeader;

/**
 * Facts that are fractions of 1 (effectiveRatio, ratioMin, filedRatioMax, windowShare …): written
 * as numbers with a percent format, so a spreadsheet computes with 0.49 and shows 49.00%.
 */
export function isRatioColumn(column: string): boolean {
  return /(?:^r|R)atio(?:Min|Max)?$|(?:^s|S)hare$/.test(column) || column === 'threshold' || column === 'tolerance';
}

const PERCENT = '0.00%';
const DATE = 'yyyy-mm-dd';
const DATE_TIME = 'yyyy-mm-dd hh:mm:ss';

/** A date the analyses write ('YYYY-MM-DD') or a time the runs record (ISO, UTC) as a spreadsheet date. */
function dateCell(text: string): XlsxCell | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const d = new Date(`${text}T00:00:00Z`);
    return Number.isNaN(d.getTime()) ? null : { value: d, type: Date, format: DATE };
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/.test(text)) {
    const d = new Date(text);
    return Number.isNaN(d.getTime()) ? null : { value: d, type: Date, format: DATE_TIME };
  }
  return null;
}

/** 0.40800000000000003 → 0.408: the float noise of a product, not a figure anyone stated. */
function clean(n: number): number {
  return Number(n.toPrecision(12));
}

function typedCell(value: unknown, ratio = false): XlsxCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? { value: clean(value), type: Number, ...(ratio ? { format: PERCENT } : {}) } : { value: String(value), type: String };
  if (typeof value === 'boolean') return { value, type: Boolean };
  if (value instanceof Date) return { value, type: Date, format: DATE_TIME };
  if (Array.isArray(value)) return { value: value.map(String).join('; '), type: String };
  if (typeof value === 'object') return { value: JSON.stringify(value), type: String };
  const text = String(value);
  return dateCell(text) ?? { value: text, type: String };
}

const headerCell = (text: string): XlsxCell => ({ value: text, type: String, fontWeight: 'bold' });

/** The findings' rows and their columns, with the score read as a ratio where the analysis's score is one. */
function findingTable(document: ReportDocument): { columns: string[]; rows: Record<string, Cell>[]; scoreIsRatio: boolean } {
  const rows = findingRows(document.envelope);
  const columns = rows[0] ? Object.keys(rows[0]) : ['kind', 'key', 'name', 'score', 'exhaustive', 'limitsHit', 'evidence'];
  return { columns, rows, scoreIsRatio: analyses[document.query.analysis]?.scoreIsRatio === true };
}

/** One row per finding, facts as columns, the evidence chains as text: UTF-8 with a byte-order mark and CRLF, so Excel on Chinese Windows reads it right. */
export function reportCsv(document: ReportDocument, stamp: ExportStamp): Buffer {
  const { columns, rows } = findingTable(document);
  const lines = [columns.map((c) => csvCell(columnLabel(c, stamp.locale))).join(','), ...rows.map((r) => columns.map((c) => {
    const v = r[c] ?? null;
    return csvCell(typeof v === 'number' ? clean(v) : v);
  }).join(','))];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** Display width in character cells: CJK and full-width characters take two. */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return w;
}

function cellText(cell: XlsxCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell !== 'object' || cell instanceof Date || cell instanceof String || cell instanceof Number || cell instanceof Boolean) return String(cell);
  const v = cell.value;
  if (v instanceof Date) return cell.format === DATE ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm:ss';
  if (typeof v === 'number' && cell.format === PERCENT) return '100.00%';
  return v === undefined ? '' : String(v);
}

/** Each column as wide as its widest cell, within reason: long chains wrap at 80 characters rather than make the sheet unreadable. */
function columnWidths(data: SheetData): { width: number }[] {
  const widths: number[] = [];
  for (const row of data) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, textWidth(cellText(cell)))));
  return widths.map((w) => ({ width: Math.min(Math.max(w + 2, 8), 80) }));
}

function sheet(name: string, data: SheetData) {
  return { sheet: name, data, columns: columnWidths(data), stickyRowsCount: 1 };
}

function findingsSheet(document: ReportDocument, locale: ReportLocale): SheetData {
  const { columns, rows, scoreIsRatio } = findingTable(document);
  return [
    columns.map((c) => headerCell(columnLabel(c, locale))),
    ...rows.map((r): Row => columns.map((c) => typedCell(r[c], c === 'score' ? scoreIsRatio : isRatioColumn(c)))),
  ];
}

function chainsSheet(document: ReportDocument, locale: ReportLocale): SheetData {
  const header = [captions.findingNo, { zh: '编号', en: 'Key' }, { zh: '名称', en: 'Name' }, captions.chainNo, captions.chainKind, captions.chain, captions.product, captions.pathKeys, captions.chainsComplete];
  const rows: Row[] = [];
  document.envelope.findings.forEach((f, i) => {
    f.evidence.chains.forEach((c, j) => {
      rows.push([
        typedCell(i + 1),
        typedCell(f.subject.key),
        typedCell(f.subject.name),
        typedCell(j + 1),
        typedCell(c.kind),
        typedCell(chainText(c)),
        typedCell(c.product, true),
        typedCell(c.path.map((p) => p.key).join(' → ')),
        typedCell(f.evidence.chainsComplete),
      ]);
    });
  });
  return [header.map((c) => headerCell(label(c, locale))), ...rows];
}

function parametersSheet(document: ReportDocument, locale: ReportLocale): SheetData {
  const meanings = analyses[document.query.analysis]?.parameters ?? {};
  const title = document.query.analysisTitle;
  return [
    [captions.parameter, captions.value, captions.meaning].map((c) => headerCell(label(c, locale))),
    [typedCell(label(captions.reportTitle, locale)), typedCell(document.query.title), null],
    [typedCell(label(captions.description, locale)), typedCell(document.query.description), null],
    [typedCell(label(captions.analysis, locale)), typedCell(document.query.analysis), typedCell(locale === 'en' ? `${title.zh} / ${title.en}` : title.zh)],
    ...Object.entries(document.params).map(([name, value]): Row => [typedCell(name), typedCell(value, isRatioColumn(name)), typedCell(meanings[name] ?? null)]),
  ];
}

function vocabularyText(v: ReportDocument['vocabularies']['listTypes']): string | null {
  return v ? `v${v.version} (${v.source})` : null;
}

function sourcesSheet(document: ReportDocument, stamp: ExportStamp & { contentHash?: string }): SheetData {
  const locale = stamp.locale;
  const countKeys: string[] = [];
  for (const run of document.data.importRuns) for (const k of Object.keys(run.counts)) if (!countKeys.includes(k)) countKeys.push(k);
  const countLabel = (k: string) => {
    const c = (captions as Record<string, Caption>)[k];
    return c && ['rows', 'written', 'rejected'].includes(k) ? label(c, locale) : k;
  };
  const header = [captions.importRun, captions.importKind, captions.file, captions.fileSha256, captions.finishedAt].map((c) => headerCell(label(c, locale)));
  const runs = document.data.importRuns.map((run): Row => [
    typedCell(run.id),
    typedCell(run.kind),
    typedCell(run.file),
    typedCell(run.sha256),
    typedCell(run.finishedAt),
    ...countKeys.map((k) => typedCell(run.counts[k] ?? null)),
  ]);
  // Below the import runs, what else identifies the data and the run: one item a row.
  const item = (c: Caption, value: unknown, suffix = ''): Row => [typedCell(`${label(c, locale)}${suffix}`), typedCell(value)];
  const items: Row[] = [
    item(captions.runId, document.run.id),
    item(captions.runNumber, document.run.number),
    item(captions.ranAt, document.run.ranAt),
    item(captions.ranBy, document.run.ranBy),
    item(captions.trigger, document.run.trigger),
    item(captions.office, document.run.office),
    ...(stamp.contentHash ? [item(captions.contentHash, stamp.contentHash)] : []),
    item(captions.modelVersion, document.data.modelVersion),
    item(captions.listTypesVocabulary, vocabularyText(document.vocabularies.listTypes)),
    item(captions.keywordVocabulary, vocabularyText(document.vocabularies.keywordLists)),
    ...Object.entries(document.data.counts).map(([kind, n]) => item(captions.entities, n, ` ${kind}`)),
    item(captions.exportedBy, stamp.exportedBy),
    item(captions.exportedAt, stamp.exportedAt),
  ];
  return [[...header, ...countKeys.map((k) => headerCell(countLabel(k)))], ...runs, [], [headerCell(label(captions.item, locale)), headerCell(label(captions.value, locale))], ...items];
}

/**
 * The report as a workbook: 发现 (findings), 证据链 (one row per evidence chain, with its product),
 * 参数 (the parameters as resolved), 数据来源 (import runs with their counts, vocabulary and model
 * versions, the run, the content hash when the caller has it). Numbers are numbers, ratios numbers
 * shown as percentages, dates dates; every sheet's header row is bold and frozen.
 */
export async function reportXlsx(document: ReportDocument, stamp: ExportStamp & { contentHash?: string }): Promise<Buffer> {
  const locale = stamp.locale;
  const name = (c: Caption) => (locale === 'en' ? `${c.zh} ${c.en}` : c.zh);
  return writeXlsxFile([
    sheet(name(captions.findings), findingsSheet(document, locale)),
    sheet(name(captions.chains), chainsSheet(document, locale)),
    sheet(name(captions.parameters), parametersSheet(document, locale)),
    sheet(name(captions.sources), sourcesSheet(document, stamp)),
  ]).toBuffer();
}
