import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../cypher/run.ts';
import { importFiles, SAME_PERSON_HUB_FIRMS, type ImportSummary } from '../../importers/importFiles.ts';
import { usccCheckChar } from '../../model/identifiers/uscc.ts';
import { residentIdCheckChar } from '../../model/identifiers/residentId.ts';
import { freshGraph, TEST_KEY_SECRET } from '../support/graph.ts';

/**
 * "Possibly the same person" proposals (cypher/importRun/proposeSamePersons.cypher): a same-name
 * pair is proposed on compatible ID numbers, a shared firm, or a shared address or phone, but an
 * address of a registration agent (more than SAME_PERSON_HUB_FIRMS firms) is no evidence, and
 * two different full ID numbers are two people.
 */

const uscc = (n: number) => {
  const first17 = `91320106MA${String(n).padStart(7, '0')}`;
  return first17 + usccCheckChar(first17)!;
};
const residentId = (first17: string) => first17 + residentIdCheckChar(first17)!;

const AGENT = '南京市鼓楼区中山路1号创业园1楼';
const SMALL = '南京市玄武区珠江路9号';
const ZHANG = residentId('32010619800101123');
const ZHAO_A = residentId('32010619750505432');
const ZHAO_B = residentId('32010219790909876');

const HEADERS = ['统一社会信用代码', '企业名称', '法定代表人', '法定代表人证件号码', '住所'];
/** [firm number, firm name, legal representative, ID as printed, address] */
type Row = [number, string, string, string, string];

const firstRun: Row[] = [
  // 王伟 twice, at an agent's address with more firms than the cap: no proposal.
  ...Array.from({ length: SAME_PERSON_HUB_FIRMS + 1 }, (_, i): Row => [100 + i, `南京代理${i}商贸有限公司`, i < 2 ? '王伟' : `员工${i}`, '', AGENT]),
  // 李娜 twice at a two-firm address: proposed, shared-address-or-phone.
  [201, '南京甲商贸有限公司', '李娜', '', SMALL],
  [202, '南京乙商贸有限公司', '李娜', '', SMALL],
  // 赵敏 twice at the same small address, with two different full numbers: two people.
  [203, '南京丙商贸有限公司', '赵敏', ZHAO_A, SMALL],
  [204, '南京丁商贸有限公司', '赵敏', ZHAO_B, SMALL],
  // 张强 with a full number, and with a mask of another shape (six and four shown): compatible.
  [301, '南京戊科技有限公司', '张强', ZHANG, '南京市秦淮区中华路1号'],
  [302, '南京己科技有限公司', '张强', `${ZHANG.slice(0, 6)}********${ZHANG.slice(-4)}`, '南京市秦淮区中华路2号'],
];
// A later run names 张强 with the usual mask (first and last four shown): found through the index.
const secondRun: Row[] = [[303, '南京庚科技有限公司', '张强', `${ZHANG.slice(0, 4)}**********${ZHANG.slice(-4)}`, '南京市秦淮区中华路3号']];

let graph: Graph;
let dir: string;
let first: ImportSummary;
let second: ImportSummary;
let afterFirst: string[];

function writeCsv(name: string, rows: Row[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, [HEADERS, ...rows.map(([n, firm, rep, id, address]) => [uscc(n), firm, rep, id, address])].map((r) => r.join(',')).join('\n') + '\n');
  return file;
}

/** Each proposal as 'name firm/firm: reasons', firms of the pair's legal representatives in order. */
async function proposals(): Promise<string[]> {
  const result = await graph.driver.executeQuery(
    `MATCH (p:Person)-[s:POSSIBLY_SAME_AS]->(q:Person)
     MATCH (p)-[:LEGAL_REPRESENTATIVE_OF]->(f:Company), (q)-[:LEGAL_REPRESENTATIVE_OF]->(g:Company)
     RETURN p.name AS name, [f.name, g.name] AS firms, s.reasons AS reasons`,
    {},
    { routing: 'READ' },
  );
  return result.records
    .map((r) => `${r.get('name')} ${[...(r.get('firms') as string[])].sort().join('/')}: ${(r.get('reasons') as string[]).join(',')}`)
    .sort();
}

beforeAll(async () => {
  graph = await freshGraph();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-same-'));
  first = await importFiles({ graph, files: [writeCsv('first.csv', firstRun)], reportDir: dir, secret: TEST_KEY_SECRET, user: 'test' });
  afterFirst = await proposals();
  second = await importFiles({ graph, files: [writeCsv('second.csv', secondRun)], reportDir: dir, secret: TEST_KEY_SECRET, user: 'test' });
});
afterAll(async () => {
  await graph.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('same-person proposals', () => {
  it('proposes same-name pairs on a shared small address and on compatible numbers of any mask shape, not on an agent address or two full numbers', () => {
    expect(first.status).toBe('completed');
    expect(afterFirst).toEqual([
      '张强 南京己科技有限公司/南京戊科技有限公司: compatible-id',
      '李娜 南京乙商贸有限公司/南京甲商贸有限公司: shared-address-or-phone',
    ]);
    expect(first.proposedSamePersons).toBe(2);
  });

  it('a later run proposes its persons with those of earlier runs whose visible digits are the same', async () => {
    expect(second.proposedSamePersons).toBe(1);
    expect(await proposals()).toEqual([
      // From the first run; the documented limit: this mask of another shape (己's) is not compared
      // with the later run's 庚, whose usual mask it is compatible with.
      '张强 南京己科技有限公司/南京戊科技有限公司: compatible-id',
      '张强 南京庚科技有限公司/南京戊科技有限公司: compatible-id',
      '李娜 南京乙商贸有限公司/南京甲商贸有限公司: shared-address-or-phone',
    ]);
  });
});
