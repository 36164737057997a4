import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Graph } from '../../cypher/run.ts';
import { importFiles } from '../../importers/importFiles.ts';
import { freshGraph, TEST_KEY_SECRET } from '../support/graph.ts';
import { SAMPLE_DATA } from '../support/sampleData.ts';

/** The same records arrive as XLSX (several sheets), JSON and NDJSON; each imports like the CSV. */

let graph: Graph;
let tmp: string;

const registrations = [
  { 统一社会信用代码: '91320106MA1X000101', 企业名称: '南京甲控股有限公司', 登记状态: '存续', 成立日期: '2015-03-02' },
  { 统一社会信用代码: '91320106MA1X000202', 企业名称: '南京乙投资管理有限公司', 登记状态: '吊销', 成立日期: '2016-04-05' },
];
const holdings = [
  { 企业统一社会信用代码: '91320106MA1X000202', 股东名称: '南京甲控股有限公司', 股东类型: '企业法人', 股东证照号码: '91320106MA1X000101', 持股比例: 0.6 },
  { 企业统一社会信用代码: '91320106MA1X000202', 股东名称: '王五', 股东类型: '自然人股东', 股东证照号码: '', 持股比例: 0.4 },
];

async function holdingsInGraph() {
  const result = await graph.driver.executeQuery(
    `MATCH (h)-[s:HOLDS_SHARES]->(c:Company) RETURN h.name AS holder, c.name AS firm, s.ratio AS ratio, toString(c.establishedOn) AS est ORDER BY holder`,
  );
  return result.records.map((r) => r.toObject());
}

beforeAll(async () => {
  graph = await freshGraph();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-formats-'));
});
beforeEach(async () => {
  await graph.writeInBatches('admin/deleteAll');
});
afterAll(async () => {
  await graph.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const expected = [
  { holder: '南京甲控股有限公司', firm: '南京乙投资管理有限公司', ratio: 0.6, est: '2016-04-05' },
  { holder: '王五', firm: '南京乙投资管理有限公司', ratio: 0.4, est: '2016-04-05' },
];

describe('file formats', () => {
  it('imports every sheet of a workbook, each by its own kind, with sheet and row in the provenance', async () => {
    const workbook = new ExcelJS.Workbook();
    const reg = workbook.addWorksheet('企业登记');
    reg.addRow(['导出时间：2024-01-01']);
    reg.addRow(Object.keys(registrations[0]!));
    for (const r of registrations) reg.addRow([r.统一社会信用代码, r.企业名称, r.登记状态, new Date(`${r.成立日期}T00:00:00Z`)]);
    const sh = workbook.addWorksheet('股东');
    sh.addRow(Object.keys(holdings[0]!));
    for (const h of holdings) {
      const row = sh.addRow(Object.values(h));
      row.getCell(5).numFmt = '0%';
    }
    const file = path.join(tmp, 'export.xlsx');
    await workbook.xlsx.writeFile(file);

    const summary = await importFiles({ graph, files: [file], reportDir: tmp, secret: TEST_KEY_SECRET });
    expect(summary.files.map((f) => [f.sheet, f.kind, f.written])).toEqual([
      ['企业登记', 'registrations', 2],
      ['股东', 'shareholders', 2],
    ]);
    expect(await holdingsInGraph()).toEqual(expected);
    const prov = await graph.driver.executeQuery(`MATCH (:Person {name: '王五'})-[s:HOLDS_SHARES]->() RETURN s.provenance AS p`);
    expect(prov.records[0]!.get('p')).toEqual([`${summary.runId}/1:股东!3`]);
  });

  it('imports only the chosen sheet when one is named', async () => {
    const file = path.join(tmp, 'export.xlsx');
    const summary = await importFiles({ graph, files: [file], sheet: '企业登记', reportDir: tmp, secret: TEST_KEY_SECRET });
    expect(summary.files.map((f) => f.sheet)).toEqual(['企业登记']);
  });

  it('imports a JSON array and an NDJSON file like their CSV equivalents', async () => {
    const json = path.join(tmp, 'registrations.json');
    fs.writeFileSync(json, JSON.stringify(registrations, null, 1));
    const ndjson = path.join(tmp, 'holdings.ndjson');
    fs.writeFileSync(ndjson, holdings.map((h) => JSON.stringify(h)).join('\n') + '\n');
    const summary = await importFiles({ graph, files: [ndjson, json], reportDir: tmp, secret: TEST_KEY_SECRET });
    expect(summary.files.map((f) => f.kind)).toEqual(['registrations', 'shareholders']);
    expect(await holdingsInGraph()).toEqual(expected);
  });

  it('a file that is not a spreadsheet stops the import before anything is written', async () => {
    const bad = path.join(tmp, 'old.xls');
    fs.writeFileSync(bad, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    const good = path.join(tmp, 'registrations.json');
    await expect(importFiles({ graph, files: [good, bad], reportDir: tmp, secret: TEST_KEY_SECRET })).rejects.toMatchObject({ code: 'FILE_NOT_SPREADSHEET' });
    const nodes = await graph.driver.executeQuery(`MATCH (n) RETURN count(n) AS n`);
    expect(Number(nodes.records[0]!.get('n'))).toBe(0);
  });
});

describe('ownership statements', () => {
  it('imports a BODS file given among ordinary files, as part of the same run', async () => {
    const bods = path.join(SAMPLE_DATA, 'bods/v0.4/examples/joint-ownership.json');
    const local = path.join(tmp, 'joint-ownership.json');
    fs.copyFileSync(bods, local);
    const summary = await importFiles({ graph, files: [local, path.join(tmp, 'registrations.json')], reportDir: tmp, secret: TEST_KEY_SECRET });
    expect(summary.files.map((f) => f.kind)).toEqual(['registrations', 'bods']);
    expect(summary.files[1]).toMatchObject({ read: 7, rejected: 0 });
    const holdings = await graph.driver.executeQuery(`MATCH ()-[s:HOLDS_SHARES]->(c:Company {name: 'CHRINON LTD'}) RETURN count(s) AS n`);
    expect(Number(holdings.records[0]!.get('n'))).toBeGreaterThan(0);
  });
});
