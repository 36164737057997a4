import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../cypher/run.ts';
import { importFiles } from '../../importers/importFiles.ts';
import { freshGraph, TEST_KEY_SECRET } from '../support/graph.ts';

const fixtures = path.resolve('tests/fixtures/importers');
const registrations = path.join(fixtures, 'registrations.csv');
const shareholders = path.join(fixtures, 'shareholders.csv');
let graph: Graph;
let reportDir: string;

async function query<T>(cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const result = await graph.driver.executeQuery(cypher, params, { routing: 'READ' });
  return result.records.map((r) => r.toObject() as T);
}
const count = async (cypher: string) => Number((await query<{ n: unknown }>(cypher))[0]!.n);

function run(files: string[]) {
  return importFiles({ graph, files, reportDir, secret: TEST_KEY_SECRET, user: 'test' });
}

beforeAll(async () => {
  graph = await freshGraph();
  reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-import-'));
});
afterAll(async () => {
  await graph.close();
  fs.rmSync(reportDir, { recursive: true, force: true });
});

describe('importFiles', () => {
  it('imports registrations and shareholders into firms, people, legal representatives and holdings', async () => {
    const summary = await run([shareholders, registrations]);
    expect(summary.status).toBe('completed');
    // Registrations are written first whatever the order given, so holders can be matched to firms.
    expect(summary.files.map((f) => f.kind)).toEqual(['registrations', 'shareholders']);
    expect(summary.files[0]).toMatchObject({ read: 4, written: 3, rejected: 1 });
    expect(summary.files[1]).toMatchObject({ read: 5, written: 4, rejected: 1 });

    const [yi] = await query<{ name: string; status: string; capital: number; currency: string; est: string; region: string; former: string[] }>(
      `MATCH (c:Company {key: '91320106MA1X000202'})
       RETURN c.name AS name, c.status AS status, c.registeredCapitalWan AS capital, c.registeredCapitalCurrency AS currency,
              toString(c.establishedOn) AS est, c.regionCode AS region, c.formerNames AS former`,
    );
    expect(yi).toEqual({ name: '南京乙投资管理有限公司', status: '吊销', capital: 500, currency: 'USD', est: '2016-04-05', region: '320106', former: ['南京乙咨询有限公司'] });

    const holdings = await query<{ holder: string; firm: string; ratio: number }>(
      `MATCH (h)-[s:HOLDS_SHARES]->(c:Company) RETURN h.name AS holder, c.name AS firm, s.ratio AS ratio ORDER BY firm, holder`,
    );
    expect(holdings).toEqual([
      { holder: '南京乙投资管理有限公司', firm: '丙财富管理（南京）有限公司', ratio: 0.7 },
      { holder: '张三', firm: '丙财富管理（南京）有限公司', ratio: 0.3 },
      { holder: '南京甲控股有限公司', firm: '南京乙投资管理有限公司', ratio: 0.6 },
      { holder: '王五', firm: '南京乙投资管理有限公司', ratio: 0.4 },
    ]);
  });

  it('matches a firm holder named without a code to the one registered firm of that name', async () => {
    expect(await count(`MATCH (c:Company {normalizedName: '南京乙投资管理有限公司'}) RETURN count(c) AS n`)).toBe(1);
    expect(await count(`MATCH (:Company {key: '91320106MA1X000202'})-[:HOLDS_SHARES]->(:Company {key: '91320102MA1X000309'}) RETURN count(*) AS n`)).toBe(1);
  });

  it('makes one person of a full ID number named by several firms, and never keys a person by the raw number', async () => {
    const people = await query<{ key: string; roles: number }>(
      `MATCH (p:Person {name: '张三'}) RETURN p.key AS key, COUNT { (p)--(:Company) } AS roles`,
    );
    expect(people).toHaveLength(1);
    expect(Number(people[0]!.roles)).toBe(3);
    expect(people[0]!.key).not.toContain('320106198001011233');
    const [shown] = await query<{ masked: string }>(`MATCH (p:Person {name: '张三'}) RETURN p.idMasked AS masked`);
    expect(shown!.masked).toBe('3201**********1233');
  });

  it('importing the same files again adds a run and provenance entries but no duplicate or changed value', async () => {
    const before = await count(`MATCH (n) RETURN count(n) AS n`);
    const rels = await count(`MATCH ()-[r]->() RETURN count(r) AS n`);
    const summary = await run([registrations, shareholders]);
    expect(summary.status).toBe('completed');
    expect(await count(`MATCH (n) WHERE NOT n:ImportRun RETURN count(n) AS n`)).toBe(before - 1);
    expect(await count(`MATCH ()-[r]->() RETURN count(r) AS n`)).toBe(rels);
    expect(await count(`MATCH (r:ImportRun {status: 'completed'}) RETURN count(r) AS n`)).toBe(2);
    const [prov] = await query<{ entries: string[] }>(`MATCH (:Person {name: '王五'})-[s:HOLDS_SHARES]->() RETURN s.provenance AS entries`);
    expect(prov!.entries).toHaveLength(2);
    expect(prov!.entries[1]).toBe(`${summary.runId}/2:3`);
  });

  it('rejects a registration whose USCC check character is wrong, naming file, row, column, value and code', async () => {
    const summary = await run([registrations]);
    const rejects = fs.readFileSync(summary.rejectsFile!, 'utf8');
    expect(rejects).toContain('registrations.csv,,5,统一社会信用代码,91320102MA1X000300,USCC_CHECK_FAILED');
    expect(await count(`MATCH (c:Company) WHERE c.name STARTS WITH '南京丁' RETURN count(c) AS n`)).toBe(0);
    expect(summary.rejectsByCode).toEqual({ USCC_CHECK_FAILED: 1 });
  });

  it('rejects a shareholder row whose ratio cannot be read', async () => {
    const summary = await run([shareholders]);
    expect(fs.readFileSync(summary.rejectsFile!, 'utf8')).toContain('shareholders.csv,,6,持股比例,百分之五十,RATIO_INVALID');
  });

  it('reads a GBK-encoded file the same as its UTF-8 original', async () => {
    const gbk = path.join(reportDir, 'registrations-gbk.csv');
    fs.writeFileSync(gbk, iconv.encode(fs.readFileSync(registrations, 'utf8').replace(/^\uFEFF/, ''), 'gbk'));
    const summary = await run([gbk]);
    expect(summary.files[0]).toMatchObject({ encoding: 'gb18030', read: 4, written: 3 });
    expect(await count(`MATCH (c:Company {name: '南京甲控股有限公司'}) RETURN count(c) AS n`)).toBe(1);
  });

  it('stops before writing anything when one of the files has headers of no known kind', async () => {
    const runs = await count(`MATCH (r:ImportRun) RETURN count(r) AS n`);
    await expect(run([registrations, path.join(fixtures, 'unknown-headers.csv')])).rejects.toMatchObject({ code: 'HEADERS_UNKNOWN' });
    expect(await count(`MATCH (r:ImportRun) RETURN count(r) AS n`)).toBe(runs);
  });
});
