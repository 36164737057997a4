import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../cypher/run.ts';
import { importFiles } from '../../importers/importFiles.ts';
import { usccCheckChar } from '../../model/identifiers/uscc.ts';
import { freshGraph, TEST_KEY_SECRET } from '../support/graph.ts';

/**
 * A person without a full ID number is scoped to the firm that names them. When a row names that
 * firm without a code and the importer finds it as a registered firm, the person is scoped to the
 * registered firm's key: the same person as the one its registration names, not a second one.
 */

const first17 = '91320106MA1X00090';
const USCC = first17 + usccCheckChar(first17)!;
const FIRM = '南京辛投资管理有限公司';
const MASKED = '3201**********5678';

let graph: Graph;
let dir: string;

beforeAll(async () => {
  graph = await freshGraph();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-scope-'));
  const registrations = path.join(dir, 'registrations.csv');
  fs.writeFileSync(registrations, `统一社会信用代码,企业名称,法定代表人,法定代表人证件号码\n${USCC},${FIRM},张三,${MASKED}\n`);
  const shareholders = path.join(dir, 'shareholders.csv');
  // The firm by name only; its holder is the legal representative, with the same masked number.
  fs.writeFileSync(shareholders, `企业统一社会信用代码,企业名称,股东名称,股东类型,股东证照号码,持股比例\n,${FIRM},张三,自然人股东,${MASKED},60%\n`);
  await importFiles({ graph, files: [registrations, shareholders], reportDir: dir, secret: TEST_KEY_SECRET, user: 'test' });
});
afterAll(async () => {
  await graph.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('persons scoped to a firm named without a code', () => {
  it('are scoped to the registered firm the name resolves to, so its legal representative and holder are one person', async () => {
    const result = await graph.driver.executeQuery(
      `MATCH (p:Person {name: '张三'}) RETURN count(p) AS persons,
              count { (p)-[:LEGAL_REPRESENTATIVE_OF]->(:Company {key: $uscc}) } AS represents,
              count { (p)-[:HOLDS_SHARES]->(:Company {key: $uscc}) } AS holds`,
      { uscc: USCC },
      { routing: 'READ' },
    );
    expect(result.records.map((r) => ({ persons: Number(r.get('persons')), represents: Number(r.get('represents')), holds: Number(r.get('holds')) }))).toEqual([
      { persons: 1, represents: 1, holds: 1 },
    ]);
  });
});
