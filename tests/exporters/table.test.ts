import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { reportDocument, type ExportStamp, type ReportDocument } from '../../exporters/document.ts';
import { reportCsv, reportXlsx } from '../../exporters/table.ts';

/**
 * Table exports of a report run: a CSV Excel opens right and cannot be made to run a formula, and
 * an XLSX read back with exceljs (not the library that wrote it) whose cells are typed.
 */

function fixture(name: string): ReportDocument {
  return reportDocument.parse(JSON.parse(fs.readFileSync(`tests/fixtures/exporters/${name}.report.json`, 'utf8')));
}

const zh: ExportStamp = { locale: 'zh', exportedBy: 'inv1', exportedAt: '2026-12-07T15:00:00.000Z' };
const en: ExportStamp = { ...zh, locale: 'en' };
const FORMULA_NAME = '=HYPERLINK("http://evil.example","点我")';

function withFormulaName(document: ReportDocument): ReportDocument {
  const copy = structuredClone(document);
  copy.envelope.findings[0]!.subject.name = FORMULA_NAME;
  return copy;
}

async function workbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

function headerIndex(ws: ExcelJS.Worksheet, text: string): number {
  const values = ws.getRow(1).values as unknown[];
  const i = values.indexOf(text);
  if (i < 0) throw new Error(`no column ${text} in ${ws.name}: ${values.join(', ')}`);
  return i;
}

describe('CSV export', () => {
  it('is UTF-8 with a byte-order mark and CRLF line ends, one row per finding, the Chinese intact', () => {
    const document = fixture('beneficialOwners');
    const bytes = reportCsv(document, zh);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.slice(0, -2).split('\r\n');
    expect(lines).toHaveLength(document.envelope.findings.length + 1);
    expect(lines[0]!.split(',').slice(0, 3)).toEqual(['类型', '编号', '名称']);
    expect(text).toContain('路人三 —49%→ 测试涉案三有限公司 (=49%)');
    // Float noise of a product is not written: 0.8 × 0.51 is 0.408.
    expect(lines[2]).toContain(',0.408,');
    expect(lines[2]).not.toContain('0.40800000000000003');
  });

  it('writes a name that looks like a formula as text, so opening the file runs nothing', () => {
    const text = reportCsv(withFormulaName(fixture('beneficialOwners')), zh).toString('utf8');
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""点我"")"`);
    expect(text).not.toMatch(/(^|,|\r\n)"?=/);
  });

  it('puts the English beside the Chinese in the headers when the reader asked for English', () => {
    const header = reportCsv(fixture('beneficialOwners'), en).toString('utf8').slice(1).split('\r\n')[0]!;
    expect(header.startsWith('类型 / Kind,编号 / Key,名称 / Name')).toBe(true);
  });
});

describe('XLSX export, read back with exceljs', () => {
  it('has the sheets findings, evidence chains, parameters and data sources, each with a bold frozen header row', async () => {
    const wb = await workbook(await reportXlsx(fixture('flaggedControllers'), zh));
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['发现', '证据链', '参数', '数据来源']);
    for (const ws of wb.worksheets) {
      expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getRow(1).getCell(1).font?.bold, ws.name).toBe(true);
      // Widths follow the contents: no column left at the default, none absurdly wide.
      for (const c of ws.columns) expect(c.width, ws.name).toBeGreaterThanOrEqual(8);
      for (const c of ws.columns) expect(c.width, ws.name).toBeLessThanOrEqual(80);
    }
    const en_ = await workbook(await reportXlsx(fixture('flaggedControllers'), en));
    expect(en_.worksheets.map((ws) => ws.name)).toEqual(['发现 Findings', '证据链 Evidence chains', '参数 Parameters', '数据来源 Data sources']);
  });

  it('types its cells: ratios as numbers shown as percentages, counts as numbers, times as dates', async () => {
    const document = fixture('beneficialOwners');
    const wb = await workbook(await reportXlsx(document, { ...zh, contentHash: 'a'.repeat(64) }));
    const findings = wb.getWorksheet('发现')!;
    expect(findings.rowCount).toBe(document.envelope.findings.length + 1);
    const ratio = findings.getRow(2).getCell(headerIndex(findings, '综合持股比例'));
    expect(ratio.type).toBe(ExcelJS.ValueType.Number);
    expect(ratio.value).toBe(0.49);
    expect(ratio.numFmt).toBe('0.00%');
    // The score of beneficial-owners is the effective ratio: a percentage too.
    expect(findings.getRow(3).getCell(headerIndex(findings, '得分'))).toMatchObject({ value: 0.408, numFmt: '0.00%' });
    expect(findings.getRow(2).getCell(headerIndex(findings, '受益所有人')).value).toBe(true);

    const chains = wb.getWorksheet('证据链')!;
    const product = chains.getRow(2).getCell(headerIndex(chains, '持股比例乘积'));
    expect(product.type).toBe(ExcelJS.ValueType.Number);
    expect(product.numFmt).toBe('0.00%');
    expect(chains.getRow(2).getCell(headerIndex(chains, '证据链')).value).toBe('路人三 —49%→ 测试涉案三有限公司 (=49%)');

    const params = wb.getWorksheet('参数')!;
    const threshold = params.getRows(1, params.rowCount)!.find((r) => r.getCell(1).value === 'threshold')!;
    expect(threshold.getCell(2)).toMatchObject({ value: 0.25, numFmt: '0.00%' });

    const sources = wb.getWorksheet('数据来源')!;
    const finished = sources.getRow(2).getCell(headerIndex(sources, '完成时间 (UTC)'));
    expect(finished.type).toBe(ExcelJS.ValueType.Date);
    expect((finished.value as Date).toISOString()).toBe('2026-12-01T09:30:12.000Z');
    expect(sources.getRow(2).getCell(headerIndex(sources, '读取行数')).value).toBe(32);
    const items = new Map(sources.getRows(1, sources.rowCount)!.map((r) => [r.getCell(1).value, r.getCell(2).value]));
    expect(items.get('报告运行编号')).toBe(document.run.id);
    expect(items.get('内容哈希 SHA-256')).toBe('a'.repeat(64));
    expect(items.get('数据模型版本')).toBe(3);
    expect(items.get('图中实体数 COMPANY')).toBe(32);
  });

  it('keeps a name that looks like a formula a plain string cell, never a formula', async () => {
    const wb = await workbook(await reportXlsx(withFormulaName(fixture('beneficialOwners')), zh));
    const findings = wb.getWorksheet('发现')!;
    const cell = findings.getRow(2).getCell(headerIndex(findings, '名称'));
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(FORMULA_NAME);
  });
});
