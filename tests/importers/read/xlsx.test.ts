import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFile, UnreadableFileError, type Table, type TableRow } from '../../../importers/read/source.ts';
import { readZipDirectory } from '../../../importers/read/zip.ts';
import { zipBuffer } from './zipWriter.ts';

let dir: string;
const at = (name: string) => path.join(dir, name);

async function all(table: Table): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  for await (const row of table.rows()) rows.push(row);
  return rows;
}

async function failure(promise: Promise<unknown>): Promise<UnreadableFileError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UnreadableFileError);
  return error as UnreadableFileError;
}

const HEADERS = ['统一社会信用代码', '企业名称', '持股比例', '成立日期', '变更时间', '注册资本', '合计', '备注', '网址', '是否存续', '错误', '极小值', '噪声'];

async function writeWorkbook(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const firms = workbook.addWorksheet('企业登记');
  // Row 1 left empty: the header is the first non-empty row, row 2.
  firms.getRow(2).values = HEADERS;
  firms.getRow(3).values = [
    '91320106MA1X000202',
    { richText: [{ text: '南京乙' }, { font: { bold: true }, text: '投资管理有限公司' }] },
    0.35,
    new Date(Date.UTC(2015, 2, 2)),
    new Date(Date.UTC(2015, 2, 2, 13, 5, 9)),
    1000,
    { formula: 'F3*2', result: 2000 },
    '',
    { text: '官网', hyperlink: 'https://example.cn' },
    true,
    { error: '#N/A' },
    1e-7,
    0.1 + 0.2,
  ];
  firms.getCell('C3').numFmt = '0%';
  // Row 4 stays blank; row 5 is short and holds a number formatted as a date and a finer percentage.
  firms.getRow(5).values = ['91320106MA1X000303', '丙公司', 0.3512, 42065];
  firms.getCell('C5').numFmt = '0.00%';
  firms.getCell('D5').numFmt = 'yyyy-mm-dd';
  workbook.addWorksheet('空表');
  const holders = workbook.addWorksheet('股东');
  holders.addRow(['企业名称', '股东名称']);
  holders.addRow(['丙公司', '张三']);
  await workbook.xlsx.writeFile(file);
}

/** An archive laid out as Excel and WPS write it, which exceljs never does on its own. */
function handMadeWorkbook(): Buffer {
  const ns = 'http://schemas.openxmlformats.org';
  const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
  return zipBuffer([
    { name: '[Content_Types].xml', data: `<Types xmlns="${ns}/package/2006/content-types"/>` },
    {
      name: '_rels/.rels',
      data: `<Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets><sheet name="登记 &amp; 变更" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data:
        `<Relationships xmlns="${ns}/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/data.xml"/>` +
        `<Relationship Id="rId2" Type="${ns}/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    },
    // The sheet before the styles, as Excel stores them; written with data descriptors, as streaming writers do.
    {
      name: 'xl/worksheets/data.xml',
      descriptor: true,
      data:
        `<worksheet xmlns="${ns}/spreadsheetml/2006/main"><sheetData>` +
        `<row r="1">${inline('A1', '企业名称')}${inline('B1', '成立日期')}${inline('C1', '持股比例')}</row>` +
        `<row r="2">${inline('A2', '丁公司')}<c r="B2" s="1"><v>42065</v></c><c r="C2" s="2"><v>0.5</v></c></row>` +
        `</sheetData></worksheet>`,
    },
    {
      name: 'xl/styles.xml',
      descriptor: true,
      data:
        `<styleSheet xmlns="${ns}/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/></font></fonts>` +
        `<fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders>` +
        `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
        // 31 is the built-in Chinese date format yyyy"年"m"月"d"日"; 10 is the built-in 0.00%.
        `<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
        `<xf numFmtId="31" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
        `<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    },
  ]);
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-read-xlsx-'));
  await writeWorkbook(at('workbook.xlsx'));
  const bytes = fs.readFileSync(at('workbook.xlsx'));
  fs.writeFileSync(at('truncated.xlsx'), bytes.subarray(0, bytes.length >> 1));
  // A complete archive whose first sheet's compressed data is damaged in the middle.
  const sheet = readZipDirectory(at('workbook.xlsx')).find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
  const damaged = Buffer.from(bytes);
  damaged.fill(0xff, sheet.localOffset + 40, sheet.localOffset + 40 + Math.min(200, sheet.compressedSize - 10));
  fs.writeFileSync(at('damaged.xlsx'), damaged);
  fs.writeFileSync(at('old.xls'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
  fs.writeFileSync(at('archive.zip'), zipBuffer([{ name: 'data/registrations.csv', data: '企业名称\n甲\n' }]));
  fs.writeFileSync(at('handmade.xlsx'), handMadeWorkbook());
  const empty = new ExcelJS.Workbook();
  empty.addWorksheet('Sheet1');
  await empty.xlsx.writeFile(at('empty.xlsx'));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('openFile on XLSX', () => {
  it('makes every non-empty sheet a table, in tab order, and skips empty sheets', async () => {
    const opened = await openFile(at('workbook.xlsx'));
    expect(opened.format).toBe('xlsx');
    expect(opened.encoding).toBeNull();
    expect(opened.tables.map((t) => t.sheet)).toEqual(['企业登记', '股东']);
    expect(opened.tables[1]!.headers).toEqual(['企业名称', '股东名称']);
    expect(await all(opened.tables[1]!)).toEqual([{ row: 2, cells: ['丙公司', '张三'] }]);
  });

  it('takes the first non-empty row as the header and keeps Excel row numbers, blank rows skipped', async () => {
    const [firms] = (await openFile(at('workbook.xlsx'))).tables;
    expect(firms!.headers).toEqual(HEADERS);
    expect((await all(firms!)).map((r) => r.row)).toEqual([3, 5]);
  });

  it('renders cells as a clerk sees them: percentages, dates, formulas by result, rich text, links, booleans, errors, plain decimals', async () => {
    const [firms] = (await openFile(at('workbook.xlsx'))).tables;
    const [first, second] = await all(firms!);
    expect(first!.cells).toEqual([
      '91320106MA1X000202',
      '南京乙投资管理有限公司',
      '35%',
      '2015-03-02',
      '2015-03-02 13:05:09',
      '1000',
      '2000',
      '',
      '官网',
      'TRUE',
      '',
      '0.0000001',
      '0.3',
    ]);
    // Short rows are padded to the header width; a percentage keeps digits its format hides.
    expect(second!.cells).toEqual(['91320106MA1X000303', '丙公司', '35.12%', '2015-03-02', '', '', '', '', '', '', '', '', '']);
  });

  it('reads only the sheet asked for', async () => {
    const opened = await openFile(at('workbook.xlsx'), { sheet: '股东' });
    expect(opened.tables.map((t) => t.sheet)).toEqual(['股东']);
  });

  it('names the existing sheets when the sheet asked for is missing (SHEET_MISSING)', async () => {
    const error = await failure(openFile(at('workbook.xlsx'), { sheet: '分支机构' }));
    expect(error.code).toBe('SHEET_MISSING');
    expect(error.message).toContain('"企业登记"、"空表"、"股东"');
    expect(error.message).toMatch(/^没有名为"分支机构"的工作表.* \/ no sheet named "分支机构"/);
  });

  it('reports an empty sheet asked for, and a workbook of empty sheets, as FILE_EMPTY', async () => {
    const sheet = await failure(openFile(at('workbook.xlsx'), { sheet: '空表' }));
    expect(sheet.code).toBe('FILE_EMPTY');
    expect(sheet.message).toContain('"空表"');
    expect((await failure(openFile(at('empty.xlsx')))).code).toBe('FILE_EMPTY');
  });

  it('re-reads the sheet each time rows() is called', async () => {
    const [firms] = (await openFile(at('workbook.xlsx'))).tables;
    expect(await all(firms!)).toEqual(await all(firms!));
  });

  it('rejects a workbook cut in half in openFile, before any row is read (FILE_TRUNCATED)', async () => {
    const error = await failure(openFile(at('truncated.xlsx')));
    expect(error.code).toBe('FILE_TRUNCATED');
    expect(error.file).toBe(at('truncated.xlsx'));
    expect(error.message).toMatch(/^XLSX 文件不完整或已损坏.* \/ the XLSX file is incomplete/);
  });

  it('fails with FILE_TRUNCATED, rather than hanging, on damaged data inside a complete archive', async () => {
    const error = await failure(
      (async () => {
        const opened = await openFile(at('damaged.xlsx'), { sheet: '企业登记' });
        for (const table of opened.tables) await all(table);
      })(),
    );
    expect(error.code).toBe('FILE_TRUNCATED');
    expect(error.message).toContain('"企业登记"');
  });

  it('tells the clerk to save an old .xls (or encrypted) workbook as .xlsx or CSV (FILE_NOT_SPREADSHEET)', async () => {
    const error = await failure(openFile(at('old.xls')));
    expect(error.code).toBe('FILE_NOT_SPREADSHEET');
    expect(error.message).toContain('另存为" .xlsx 或 CSV');
    expect(error.message).toContain('"Save As" .xlsx or CSV');
  });

  it('says a ZIP archive that is no workbook should be unzipped (FILE_NOT_SPREADSHEET)', async () => {
    const error = await failure(openFile(at('archive.zip')));
    expect(error.code).toBe('FILE_NOT_SPREADSHEET');
    expect(error.message).toContain('请先解压');
  });

  it('reads archives as Excel writes them: sheets before styles, data descriptors, any part names, inline strings, Chinese built-in date formats', async () => {
    const opened = await openFile(at('handmade.xlsx'));
    expect(opened.tables.map((t) => [t.sheet, t.headers])).toEqual([['登记 & 变更', ['企业名称', '成立日期', '持股比例']]]);
    expect(await all(opened.tables[0]!)).toEqual([{ row: 2, cells: ['丁公司', '2015-03-02', '50%'] }]);
  });

  it('refuses format xlsx for a file that is not a workbook (FILE_NOT_SPREADSHEET)', async () => {
    fs.writeFileSync(at('text.xlsx'), '企业名称\n甲\n');
    expect((await failure(openFile(at('text.xlsx'), { format: 'xlsx' }))).code).toBe('FILE_NOT_SPREADSHEET');
  });
});
