import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../cypher/run.ts';
import { int } from '../../cypher/values.ts';
import { importFiles } from '../../importers/importFiles.ts';
import { listEntryKey } from '../../importers/kinds/lists.ts';
import { readListTypeVocabulary } from '../../importers/listTypes.ts';
import { migrations } from '../../migrations/index.ts';
import { readStoreVersion } from '../../migrations/modelVersion.ts';
import { MODEL_VERSION } from '../../model/graph.ts';
import { pinyinForms, pinyinFormsOfAll } from '../../model/names.ts';
import { freePort } from '../../neo4j/localServer.ts';
import { runCli } from '../support/cli.ts';
import { freshGraph, TEST_KEY_SECRET, testNeo4jEnv } from '../support/graph.ts';
import { exportStore, loadStore, readDump } from '../support/storeDump.ts';

/**
 * A store written by the code before the data model had a version (tests/fixtures/migrations/
 * v0-store.json.gz: a generated province and a hand fixture, imported by commit 345d353) is refused
 * by `serve` as older, brought to the current model by `db migrate` — the list-type vocabulary and
 * one person per firm — and left as it is by a second migrate; a store stamped newer than the code
 * is refused by every command that opens it; `start` migrates an older store itself and says so.
 */

const fixtures = path.resolve('tests/fixtures/migrations');
const FIRM_A = '91320106MA1X000101';
const FIRM_B = '91320106MA1X000202';
const CASE_NO = '宁公经立字〔2023〕017号';

let graph: Graph;
let env: NodeJS.ProcessEnv;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-migrate-'));

async function rows<T = Record<string, unknown>>(cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const result = await graph.driver.executeQuery(cypher, params);
  return result.records.map((r) => r.toObject() as T);
}

/** Persons with no full ID number who share a firm and a name with a person identified by one: one person named twice. */
async function sameNamePairsInFirms(): Promise<number> {
  const [row] = await rows<{ n: unknown }>(
    `MATCH (s:Person {keyBasis: 'scoped'})--(f:Company)--(p:Person {keyBasis: 'id'})
     WHERE s.normalizedName = p.normalizedName
     RETURN count(DISTINCT [s.key, p.key]) AS n`,
  );
  return Number(row!.n);
}

/** The person of that name linked to the firm by the relationship type, e.g. its legal representative. */
async function personOf(firm: string, name: string, type: string): Promise<string[]> {
  const found = await rows<{ key: string }>(`MATCH (p:Person {name: $name})-[r]->(:Company {key: $firm}) WHERE type(r) = $type RETURN DISTINCT p.key AS key ORDER BY key`, { firm, name, type });
  return found.map((r) => r.key);
}

beforeAll(async () => {
  graph = await freshGraph();
  env = { ...testNeo4jEnv(), CHUANTOU_DATA_DIR: tmp, CHUANTOU_KEY_SECRET: TEST_KEY_SECRET, PORT: String(await freePort()) };
});

afterAll(async () => {
  await graph.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('a store written before the model had a version', () => {
  const before = { pairs: 0, zhangSan: [] as string[], liSi: [] as string[], wangWuA: [] as string[], withPinyin: -1 };

  beforeAll(async () => {
    await loadStore(graph, readDump(path.join(fixtures, 'v0-store.json.gz')));
    before.pairs = await sameNamePairsInFirms();
    before.zhangSan = await personOf(FIRM_A, '张三', 'LEGAL_REPRESENTATIVE_OF');
    before.liSi = await personOf(FIRM_B, '李四', 'LEGAL_REPRESENTATIVE_OF');
    before.wangWuA = await personOf(FIRM_A, '王五', 'OFFICER_OF');
    const [pinyin] = await rows<{ n: unknown }>(`MATCH (n) WHERE n.namePinyin IS NOT NULL OR n.formerNamesPinyin IS NOT NULL RETURN count(n) AS n`);
    before.withPinyin = Number(pinyin!.n);
  }, 120_000);

  it('is version 0, and db status says which migrations it lacks', async () => {
    expect((await readStoreVersion(graph)).version).toBe(0);
    const status = await runCli(['db', 'status'], env);
    expect(status.stderr).toBe('');
    expect(status.stdout).toContain(`数据模型版本 / data model version: 0，本程序 / this Chuantou: ${MODEL_VERSION}`);
    for (const m of migrations) expect(status.stdout).toContain(`待迁移 / pending: ${m.version} ${m.name}`);
    expect(status.stdout).toContain('npx chuantou db migrate');
  });

  it('holds what today’s code wrote: a firm’s legal representative and officer of one name as two persons, a case list spelled 非法集资立案', async () => {
    expect(before.pairs).toBeGreaterThanOrEqual(20);
    expect(before.zhangSan).toHaveLength(1);
    expect(await personOf(FIRM_A, '张三', 'OFFICER_OF')).not.toEqual(before.zhangSan);
    const [spelled] = await rows<{ n: unknown }>(`MATCH (l:ListEntry {listType: '非法集资立案'}) RETURN count(l) AS n`);
    expect(Number(spelled!.n)).toBe(1);
  });

  it('is refused by serve, which names the command that migrates it', async () => {
    const served = await runCli(['serve'], env, { timeoutMs: 60_000 });
    expect(served.code).toBe(1);
    expect(served.stderr).toContain('[MODEL_VERSION_OLDER]');
    expect(served.stderr).toContain(`第 0 版，本程序需要第 ${MODEL_VERSION} 版`);
    expect(served.stderr).toContain('npx chuantou db migrate');
    expect(served.stdout).not.toContain('已就绪 / ready');
  });

  describe('after npx chuantou db migrate', () => {
    let migrated: Awaited<ReturnType<typeof runCli>>;

    beforeAll(async () => {
      migrated = await runCli(['db', 'migrate'], env);
    }, 300_000);

    it('printed each migration in Chinese and English and recorded each in the store’s history, with its time and user', async () => {
      expect(migrated.stderr).toBe('');
      expect(migrated.code).toBe(0);
      for (const m of migrations) {
        expect(migrated.stdout).toContain(m.description.zh);
        expect(migrated.stdout).toContain(m.description.en);
      }
      expect(migrated.stdout).toContain(`从第 0 版升级到第 ${MODEL_VERSION} 版`);
      const store = await readStoreVersion(graph);
      expect(store.version).toBe(MODEL_VERSION);
      expect(store.history.map((h) => [h.version, h.name])).toEqual(migrations.map((m) => [m.version, m.name]));
      for (const h of store.history) {
        expect(h.by).toBe(os.userInfo().username);
        expect(Date.now() - Date.parse(h.at)).toBeLessThan(10 * 60_000);
      }
    });

    it('seeded the list-type vocabulary', async () => {
      const vocabulary = await readListTypeVocabulary(graph);
      expect(vocabulary.source).toBe('database');
      expect(vocabulary.resolve('非法集资立案')?.code).toBe('ILLEGAL_FUNDRAISING_CASE');
    });

    it('gave every list entry its canonical type beside the spelling it was imported with', async () => {
      const vocabulary = await readListTypeVocabulary(graph);
      const entries = await rows<{ listType: string; code: string | null; text: string | null }>(
        `MATCH (l:ListEntry) RETURN l.listType AS listType, l.listTypeCode AS code, l.listTypeText AS text`,
      );
      expect(entries.length).toBeGreaterThan(30);
      for (const e of entries) {
        expect(e.text).not.toBeNull();
        const canonical = vocabulary.resolve(e.text!);
        expect({ listType: e.listType, code: e.code }).toEqual(canonical ? { listType: canonical.name, code: canonical.code } : { listType: e.text, code: null });
      }
      expect(entries.filter((e) => e.listType === '非法集资立案')).toEqual([]);
    });

    it('made one entry of one case typed in two spellings, keyed as a new import keys it, every firm and person still on it', async () => {
      const found = await rows<{ key: string; listType: string; subjects: string[]; prov: string[] }>(
        `MATCH (l:ListEntry {caseNo: $caseNo})
         RETURN l.key AS key, l.listType AS listType, [(s)-[:FLAGGED]->(l) | s.name] AS subjects, l.provenance AS prov`,
        { caseNo: CASE_NO },
      );
      expect(found).toHaveLength(1);
      expect(found[0]!.key).toBe(listEntryKey('非法集资案件', CASE_NO, ''));
      expect(found[0]!.listType).toBe('非法集资案件');
      expect([...found[0]!.subjects].sort()).toEqual(['南京乙投资管理有限公司', '南京甲控股有限公司', '张三'].sort());
      expect(found[0]!.prov).toHaveLength(3);
    });

    it('merged a firm’s name-only or masked mention into the one person of that name identified in the same firm', async () => {
      expect(await personOf(FIRM_A, '张三', 'LEGAL_REPRESENTATIVE_OF')).toEqual(await personOf(FIRM_A, '张三', 'OFFICER_OF'));
      expect(await personOf(FIRM_B, '李四', 'LEGAL_REPRESENTATIVE_OF')).toEqual(await personOf(FIRM_B, '李四', 'OFFICER_OF'));
      // 王五 of firm A is named without a number; the identified 王五 is firm B's: never merged across firms on a name.
      expect(await personOf(FIRM_A, '王五', 'OFFICER_OF')).toEqual(before.wangWuA);
      expect(await personOf(FIRM_B, '王五', 'OFFICER_OF')).not.toEqual(before.wangWuA);
      const after = await sameNamePairsInFirms();
      expect(after).toBeLessThan(before.pairs - 20);
    });

    it('wrote the pinyin of every firm’s name and former names and every person’s name, as an import now writes it, where there was none', async () => {
      expect(before.withPinyin).toBe(0);
      const firms = await rows<{ name: string; named: boolean; formerNames: string[] | null; namePinyin: string | null; formerNamesPinyin: string | null }>(
        `MATCH (c:Company) RETURN c.name AS name, c.normalizedName IS NOT NULL AS named, c.formerNames AS formerNames,
                                  c.namePinyin AS namePinyin, c.formerNamesPinyin AS formerNamesPinyin`,
      );
      expect(firms.filter((f) => f.formerNames && f.formerNames.length > 0).length).toBeGreaterThan(10);
      for (const f of firms) {
        expect({ name: f.name, namePinyin: f.namePinyin, formerNamesPinyin: f.formerNamesPinyin }).toEqual({
          name: f.name,
          namePinyin: f.named ? pinyinForms(f.name, 'firm') : null,
          formerNamesPinyin: f.formerNames && f.formerNames.length > 0 ? pinyinFormsOfAll(f.formerNames, 'firm') : null,
        });
      }
      const persons = await rows<{ name: string; namePinyin: string | null }>(`MATCH (p:Person) RETURN p.name AS name, p.namePinyin AS namePinyin`);
      expect(persons.length).toBeGreaterThan(100);
      for (const p of persons) expect(p.namePinyin, p.name).toBe(pinyinForms(p.name, 'person'));
      // Through the text index, as the search reads it: 张三 by the pinyin of his name.
      const [found] = await rows<{ n: unknown }>(`MATCH (p:Person) WHERE p.namePinyin CONTAINS 'zhangsan' RETURN count(p) AS n`);
      expect(Number(found!.n)).toBeGreaterThan(0);
    });

    it('keeps the merged-away keys valid: each answers with the person it became', async () => {
      const oldKeys = [...before.zhangSan, ...before.liSi];
      const answers = await graph.read<{ key: string; current: string }>('analyses/currentKeys', { keys: oldKeys });
      expect(answers.map((a) => a.current)).toEqual([...(await personOf(FIRM_A, '张三', 'OFFICER_OF')), ...(await personOf(FIRM_B, '李四', 'OFFICER_OF'))]);
      for (const a of answers) expect(a.current).not.toBe(a.key);
    });

    it('changes nothing when run again, nor when each migration is repeated (as an interrupted migrate repeats the step it was in)', async () => {
      const once = await exportStore(graph);
      const again = await runCli(['db', 'migrate'], env);
      expect(again.code).toBe(0);
      expect(again.stdout).toContain(`数据模型已是第 ${MODEL_VERSION} 版，无需迁移 / the data model is at version ${MODEL_VERSION}: nothing to migrate`);
      for (const m of migrations) await m.up(graph, { by: 'test' });
      expect(await exportStore(graph)).toEqual(once);
    });
  });
});

describe('a store stamped newer than this code', () => {
  beforeAll(async () => {
    await graph.writeInBatches('admin/deleteAll');
    await graph.applySchema();
    const [stamped] = await graph.write('modelVersion/record', { from: int(MODEL_VERSION), version: int(MODEL_VERSION + 1), name: 'from-a-newer-chuantou', by: 'test' });
    expect(stamped).toEqual({ version: MODEL_VERSION + 1 });
  });

  for (const command of [['serve'], ['start'], ['db', 'migrate'], ['import', path.join(fixtures, 'hand/registrations.csv')], ['run', 'neighborhood', '--param', 'key=测试']]) {
    it(`is refused by ${command.slice(0, 2).join(' ')}, which tells the user to upgrade Chuantou`, async () => {
      const refused = await runCli(command, env, { timeoutMs: 60_000 });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('[MODEL_VERSION_NEWER]');
      expect(refused.stderr).toContain('请升级穿透');
      expect(refused.stderr).toContain('Upgrade Chuantou');
      expect(refused.stdout).not.toContain('已就绪 / ready');
    });
  }
});

describe('the one-command start', () => {
  it('migrates an older store itself, says so, and serves', async () => {
    await graph.writeInBatches('admin/deleteAll');
    await graph.applySchema();
    await importFiles({ graph, files: [path.join(fixtures, 'hand/registrations.csv'), path.join(fixtures, 'hand/officers.csv')], reportDir: tmp, secret: TEST_KEY_SECRET });
    // As the code before the version left a store: data and no record of its model.
    await rows(`MATCH (v:ModelVersion) DELETE v`);
    expect((await readStoreVersion(graph)).version).toBe(0);

    const child = spawn(process.execPath, ['bin/chuantou.mjs', 'start'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (output += d.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const deadline = Date.now() + 120_000;
    while (!output.includes('已就绪 / ready') && child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    child.kill('SIGINT');
    expect(await exited).toBe(0);

    expect(output).toContain('已就绪 / ready');
    for (const m of migrations) expect(output).toContain(m.description.zh);
    expect(output).toContain(`数据模型已从第 0 版升级到第 ${MODEL_VERSION} 版 / data model migrated from version 0 to ${MODEL_VERSION}`);
    expect((await readStoreVersion(graph)).version).toBe(MODEL_VERSION);
  }, 180_000);
});
