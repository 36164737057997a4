import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvRows, detectEncoding } from '../../../importers/read/csvRows.ts';
import { openFile, UnreadableFileError, type Table, type TableRow } from '../../../importers/read/source.ts';

let dir: string;
const at = (name: string) => path.join(dir, name);
const write = (name: string, content: string | Buffer) => {
  fs.writeFileSync(at(name), content);
  return at(name);
};

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

async function readAll(file: string): Promise<TableRow[]> {
  const opened = await openFile(file);
  return all(opened.tables[0]!);
}

const records = (count: number, from = 1) => Array.from({ length: count }, (_, i) => ({ 企业名称: `公司${from + i}`, 序号: from + i }));

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-read-'));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('format detection', () => {
  it('tells CSV, JSON, NDJSON and XLSX apart by content, whatever the extension', async () => {
    const csv = write('a.txt', '企业名称,统一社会信用代码\n甲,91320106MA1X000202\n');
    const json = write('b.txt', '\uFEFF  [{"企业名称": "甲"}]');
    const wrapped = write('c.txt', '{\n  "records": [{"企业名称": "甲"}]\n}\n');
    const ndjson = write('d.txt', '{"企业名称": "甲"}\n{"企业名称": "乙"}\n');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('登记').addRow(['企业名称']);
    const xlsx = at('e.csv');
    await workbook.xlsx.writeFile(xlsx);
    expect((await openFile(csv)).format).toBe('csv');
    expect((await openFile(json)).format).toBe('json');
    expect((await openFile(wrapped)).format).toBe('json');
    expect((await openFile(ndjson)).format).toBe('ndjson');
    expect((await openFile(xlsx)).format).toBe('xlsx');
  });

  it('reads a one-line {"records": [...]} file as JSON, not as one NDJSON record', async () => {
    const file = write('one-line.json', JSON.stringify({ total: 2, records: records(2) }));
    const opened = await openFile(file);
    expect(opened.format).toBe('json');
    expect(await all(opened.tables[0]!)).toHaveLength(2);
  });

  it('lets the caller force a format', async () => {
    const file = write('forced.json', '{"企业名称": "甲"}\n');
    expect((await openFile(file, { format: 'ndjson' })).format).toBe('ndjson');
  });

  it('rejects binary junk as FILE_NOT_TEXT and UTF-16 text as FILE_ENCODING with what to do', async () => {
    expect((await failure(openFile(write('junk.csv', Buffer.from([0x13, 0x00, 0xff, 0x00, 0x42]))))).code).toBe('FILE_NOT_TEXT');
    expect((await failure(openFile(write('doc.csv', Buffer.from('%PDF-1.7\n', 'latin1'))))).message).toContain('PDF');
    const utf16 = await failure(openFile(write('unicode.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('名称\t代码\n', 'utf16le')]))));
    expect(utf16.code).toBe('FILE_ENCODING');
    expect(utf16.message).toContain('CSV UTF-8');
  });

  it('reports a missing file as FILE_MISSING and an empty one as FILE_EMPTY', async () => {
    expect((await failure(openFile(at('nowhere.csv')))).code).toBe('FILE_MISSING');
    expect((await failure(openFile(dir))).code).toBe('FILE_MISSING');
    expect((await failure(openFile(write('zero.csv', '')))).code).toBe('FILE_EMPTY');
  });

  it('words every message Chinese first, then English, naming the file', async () => {
    const error = await failure(openFile(at('nowhere.csv')));
    expect(error.message).toBe(`文件不存在，请检查路径 / file not found; check the path: ${at('nowhere.csv')}`);
    expect(error.file).toBe(at('nowhere.csv'));
  });
});

describe('CSV', () => {
  it('detects GBK as GB18030, and an explicit encoding overrides detection', async () => {
    const file = write('gbk.csv', iconv.encode('企业名称,住所\n南京甲控股有限公司,南京市鼓楼区\n', 'gbk'));
    const opened = await openFile(file);
    expect(opened.encoding).toBe('gb18030');
    expect(opened.tables[0]!.headers).toEqual(['企业名称', '住所']);
    expect(await all(opened.tables[0]!)).toEqual([{ row: 2, cells: ['南京甲控股有限公司', '南京市鼓楼区'] }]);
    const forced = await openFile(file, { encoding: 'utf-8' });
    expect(forced.encoding).toBe('utf-8');
    expect(forced.tables[0]!.headers).not.toEqual(['企业名称', '住所']);
  });

  it('strips a UTF-8 BOM from the first header', async () => {
    const opened = await openFile(write('bom.csv', '\uFEFF企业名称,代码\n甲,1\n'));
    expect(opened.tables[0]!.headers).toEqual(['企业名称', '代码']);
  });

  it('numbers rows as a spreadsheet shows them: blank lines count, a quoted cell spanning lines is one row', async () => {
    const rows = await readAll(write('rows.csv', '名称,备注\n\n甲,"两行\n备注"\n乙,x\n\n丙,y\n'));
    expect(rows).toEqual([
      { row: 3, cells: ['甲', '两行\n备注'] },
      { row: 4, cells: ['乙', 'x'] },
      { row: 6, cells: ['丙', 'y'] },
    ]);
  });

  it('keeps a stray quote inside an unquoted field as text, and pads short rows to the header width', async () => {
    const rows = await readAll(write('quotes.csv', '名称,代码,备注\n北京"某某"公司,1\n'));
    expect(rows).toEqual([{ row: 2, cells: ['北京"某某"公司', '1', ''] }]);
  });

  it('reports a quote never closed as FILE_TRUNCATED naming its row, from rows()', async () => {
    const opened = await openFile(write('open-quote.csv', '名称,备注\n甲,x\n\n乙,"没有闭合\n丙,z\n'));
    const error = await failure(all(opened.tables[0]!));
    expect(error.code).toBe('FILE_TRUNCATED');
    expect(error.message).toContain('第 4 行');
  });

  it('rejects a file whose first row is blank as FILE_EMPTY', async () => {
    expect((await failure(openFile(write('blank-header.csv', ' , ,\n甲,乙,丙\n')))).code).toBe('FILE_EMPTY');
    expect((await failure(openFile(write('only-blank-lines.csv', '\n\n\n')))).code).toBe('FILE_EMPTY');
  });

  it('re-reads the file each time rows() is called', async () => {
    const opened = await openFile(write('twice.csv', '名称\n甲\n乙\n'));
    const table = opened.tables[0]!;
    expect(await all(table)).toEqual(await all(table));
    expect(await all(table)).toHaveLength(2);
  });

  it('keeps csvRows and detectEncoding working for importFiles: header first, then rows', async () => {
    const file = write('legacy.csv', '名称,代码\n甲,1\n');
    const rows: TableRow[] = [];
    for await (const row of csvRows(file, detectEncoding(file))) rows.push(row);
    expect(rows).toEqual([
      { row: 1, cells: ['名称', '代码'] },
      { row: 2, cells: ['甲', '1'] },
    ]);
  });
});

describe('JSON', () => {
  it('reads an array of objects: headers are the keys in first-seen order, values become text', async () => {
    const file = write(
      'array.json',
      `[{"企业名称": "甲", "注册资本": 1000.50, "成立日期": null},
        {"企业名称": "乙", "存续": true, "曾用名": ["乙咨询", "乙顾问"], "地址": {"省": "江苏"}, "极小": 1e-7, "代码": 913201061234567890123}]`,
    );
    const opened = await openFile(file);
    const table = opened.tables[0]!;
    expect(table.sheet).toBeNull();
    expect(table.headers).toEqual(['企业名称', '注册资本', '成立日期', '存续', '曾用名', '地址', '极小', '代码']);
    expect(await all(table)).toEqual([
      { row: 2, cells: ['甲', '1000.50', '', '', '', '', '', ''] },
      // Numbers keep their digits (no float rounding of long codes); nested values stay JSON.
      { row: 3, cells: ['乙', '', '', 'true', '["乙咨询","乙顾问"]', '{"省":"江苏"}', '0.0000001', '913201061234567890123'] },
    ]);
  });

  it('reads the records array of a wrapper object, ignoring its other properties', async () => {
    const file = write('wrapped.json', JSON.stringify({ meta: { source: '市场监管' }, total: 2, records: records(2), errors: [] }, null, 2));
    const rows = await readAll(file);
    expect(rows).toEqual([
      { row: 2, cells: ['公司1', '1'] },
      { row: 3, cells: ['公司2', '2'] },
    ]);
  });

  it('takes headers from the first 1000 records only', async () => {
    const file = write('late-key.json', JSON.stringify([...records(1000), { 企业名称: '迟到', 序号: 1001, 新字段: 'x' }]));
    const opened = await openFile(file);
    expect(opened.tables[0]!.headers).toEqual(['企业名称', '序号']);
    expect((await all(opened.tables[0]!)).at(-1)).toEqual({ row: 1002, cells: ['迟到', '1001'] });
  });

  it('rejects what is not records as JSON_INVALID: a scalar, an object without an array, a record that is not an object, two arrays of records', async () => {
    expect((await failure(openFile(write('scalar.json', '[1, 2]')))).message).toContain('第 1 条记录不是对象');
    expect((await failure(openFile(write('no-array.json', '{\n"a": 1}')))).code).toBe('JSON_INVALID');
    const two = await failure(openFile(write('two-arrays.json', JSON.stringify({ firms: records(1), people: records(1) }, null, 1))));
    expect(two.code).toBe('JSON_INVALID');
    expect(two.message).toContain('"firms" 和 "people"');
    expect((await failure(openFile(write('syntax.json', '[{"a": 1,}]')))).code).toBe('JSON_INVALID');
  });

  it('rejects an empty array as FILE_EMPTY', async () => {
    expect((await failure(openFile(write('empty.json', '[]')))).code).toBe('FILE_EMPTY');
  });

  it('catches a large JSON file cut short in openFile (FILE_TRUNCATED), before any row', async () => {
    const text = JSON.stringify(records(1500));
    const error = await failure(openFile(write('cut.json', text.slice(0, Math.floor(text.length * 0.9)))));
    expect(error.code).toBe('FILE_TRUNCATED');
  });

  it('re-reads the file each time rows() is called', async () => {
    const opened = await openFile(write('twice.json', JSON.stringify(records(3))));
    expect(await all(opened.tables[0]!)).toEqual(await all(opened.tables[0]!));
  });
});

describe('NDJSON', () => {
  it('reads one object per line, skips blank lines, numbers rows as record + 1', async () => {
    const file = write('lines.ndjson', '{"企业名称": "甲", "序号": 1}\r\n\n{"企业名称": "乙", "备注": "x"}\n');
    const opened = await openFile(file);
    expect(opened.tables[0]!.headers).toEqual(['企业名称', '序号', '备注']);
    expect(await all(opened.tables[0]!)).toEqual([
      { row: 2, cells: ['甲', '1', ''] },
      { row: 3, cells: ['乙', '', 'x'] },
    ]);
  });

  it('rejects a bad line among the first 1000 in openFile, naming the line (JSON_INVALID)', async () => {
    const error = await failure(openFile(write('bad-early.ndjson', '{"a": 1}\n\n{"a": 2\n{"a": 3}\n')));
    expect(error.code).toBe('JSON_INVALID');
    expect(error.message).toMatch(/^第 3 行不完整.* \/ line 3 is incomplete/);
    expect((await failure(openFile(write('array-line.ndjson', '{"a": 1}\n[1]\n')))).message).toContain('第 2 行不是 JSON 对象');
  });

  it('throws JSON_INVALID naming the line from rows() for a bad line past the first 1000', async () => {
    const lines = records(1500).map((r) => JSON.stringify(r));
    lines.splice(1200, 0, '{"企业名称": 乱码}');
    const opened = await openFile(write('bad-late.ndjson', lines.join('\n') + '\n'));
    let read = 0;
    const error = await failure(
      (async () => {
        for await (const _ of opened.tables[0]!.rows()) read++;
      })(),
    );
    expect(error.code).toBe('JSON_INVALID');
    expect(error.message).toContain('第 1201 行');
    expect(read).toBe(1200);
  });

  it('catches a large NDJSON file whose last line was cut short in openFile (FILE_TRUNCATED)', async () => {
    const text = records(1500).map((r) => JSON.stringify(r)).join('\n');
    expect((await failure(openFile(write('cut.ndjson', text.slice(0, -5))))).code).toBe('FILE_TRUNCATED');
  });
});
