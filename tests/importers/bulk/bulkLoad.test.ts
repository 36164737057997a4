import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import neo4j, { type Driver } from 'neo4j-driver';
import { importFiles, type ImportSummary } from '../../../importers/importFiles.ts';
import { bulkLoad, type BulkLoadOptions, type BulkLoadSummary } from '../../../importers/bulk/bulkLoad.ts';
import { connect } from '../../../cypher/run.ts';
import { freePort, startLocalNeo4j, type RunningNeo4j } from '../../../neo4j/localServer.ts';
import { freshGraph, TEST_KEY_SECRET } from '../../support/graph.ts';
import { dumpGraph, type GraphDump } from './graphDump.ts';

/**
 * A bulk load and an online import of the same files give the same graph and the same rejects;
 * a running or non-empty database is refused before anything is converted.
 */

const fixtures = path.resolve('tests/fixtures/importers');
const allKinds = ['registrations', 'shareholders', 'officers', 'members', 'branches', 'approvals', 'changes', 'lists', 'relations', 'boFilings'].map((f) =>
  path.join(fixtures, `${f}.csv`),
).concat(
  // One person named by name only and again with an ID number in one firm: merged by the pass after
  // the writes, alike after a bulk load (persons/README.md).
  ['registrations', 'officers', 'shareholders', 'boFilings'].map((f) => path.join(fixtures, 'persons', `${f}.csv`)),
);
const small = { heap: '512m', pageCache: '64m' };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-bulk-test-'));
const running: RunningNeo4j[] = [];
/** Each instance's password, beside its home, as the data directory keeps it beside neo4j/. */
const passwordFileOf = (home: string) => `${home}-neo4j-password`;


const rejectsOf = (summary: ImportSummary) => (summary.rejectsFile ? fs.readFileSync(summary.rejectsFile, 'utf8') : '');
const counts = (summary: ImportSummary) => summary.files.map(({ file, kind, read, written, rejected, flagged }) => ({ file: path.basename(file), kind, read, written, rejected, flagged }));

async function loadOnline(files: string[], batchSize?: number): Promise<{ summary: ImportSummary; dump: GraphDump }> {
  const graph = await freshGraph();
  try {
    const summary = await importFiles({ graph, files, reportDir: fs.mkdtempSync(path.join(tmp, 'online-')), secret: TEST_KEY_SECRET, user: 'test', batchSize });
    return { summary, dump: await dumpGraph(graph.driver, summary.runId) };
  } finally {
    await graph.close();
  }
}

async function bulkOptions(files: string[], home: string, extra: Partial<BulkLoadOptions> = {}): Promise<BulkLoadOptions> {
  return {
    files,
    home,
    workDir: path.join(tmp, 'work'),
    reportDir: path.join(tmp, `reports-${path.basename(home)}`),
    secret: TEST_KEY_SECRET,
    user: 'test',
    importHeap: '512m',
    importOffHeap: '256m',
    server: { boltPort: await freePort(), ...small, passwordFile: passwordFileOf(home) },
    ...extra,
  };
}

async function start(home: string): Promise<{ server: RunningNeo4j; driver: Driver }> {
  const server = await startLocalNeo4j({ home, boltPort: await freePort(), ...small, passwordFile: passwordFileOf(home) });
  running.push(server);
  return { server, driver: neo4j.driver(server.uri, neo4j.auth.basic(server.auth.user, server.auth.password)) };
}

async function loadBulk(files: string[], home: string, extra: Partial<BulkLoadOptions> = {}): Promise<{ summary: BulkLoadSummary; dump: GraphDump; server: RunningNeo4j; driver: Driver }> {
  const summary = await bulkLoad(await bulkOptions(files, home, extra));
  const { server, driver } = await start(home);
  return { summary, dump: await dumpGraph(driver, summary.runId), server, driver };
}

afterAll(async () => {
  for (const server of running) await server.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('bulk load of every record kind', () => {
  const home = path.join(tmp, 'kinds');
  let online: Awaited<ReturnType<typeof loadOnline>>;
  let bulk: Awaited<ReturnType<typeof loadBulk>>;

  beforeAll(async () => {
    online = await loadOnline(allKinds);
    bulk = await loadBulk(allKinds, home);
  }, 300_000);
  afterAll(async () => {
    await bulk?.driver.close();
    await bulk?.server.stop();
  });

  it('builds the graph the online importer builds from the same files', () => {
    expect(bulk.summary.status).toBe('completed');
    // Something of every kind is there, so the comparison below compares something.
    expect(Object.keys(online.dump.labels).sort()).toEqual(
      ['Address', 'Approval', 'BOFiling', 'Branch', 'ChangeRecord', 'Company', 'Exchange', 'ImportRun', 'KeyAlias', 'ListEntry', 'ModelVersion', 'Person', 'PersonMerge', 'Region'].sort(),
    );
    expect(bulk.dump.nodes).toEqual(online.dump.nodes);
    expect(bulk.dump.relationships).toEqual(online.dump.relationships);
  });

  it('reports the same counts and rejects, and the same same-person proposals', () => {
    expect(counts(bulk.summary)).toEqual(counts(online.summary));
    expect(rejectsOf(bulk.summary)).toEqual(rejectsOf(online.summary));
    expect(bulk.summary.rejectsByCode).toEqual(online.summary.rejectsByCode);
    expect(bulk.summary.proposedSamePersons).toBe(online.summary.proposedSamePersons);
    // The ImportRun and the store's model version are written by Cypher, and so are the pass's
    // merges: each puts its record in the place of the person it merged away, and keeps that
    // person's key as an alias.
    expect(bulk.summary.nodes).toBe(online.dump.nodes.length - 2 - (online.dump.labels.KeyAlias ?? 0));
    expect(JSON.parse(fs.readFileSync(bulk.summary.reportFile, 'utf8'))).toMatchObject({ runId: bulk.summary.runId, status: 'completed', nodes: bulk.summary.nodes });
    expect(bulk.summary.csvDir).toBeNull();
  });

  it('creates the schema after the import', async () => {
    const graph = connect({ uri: bulk.server.uri, ...bulk.server.auth });
    try {
      const names = (await graph.read<{ name: string }>('admin/listSchema')).map((r) => r.name);
      expect(names).toEqual(expect.arrayContaining(['company_key', 'person_key', 'import_run_id', 'entity_names']));
    } finally {
      await graph.close();
    }
  });

  it('refuses a running database, before converting anything', async () => {
    const options = await bulkOptions(allKinds, home, { reportDir: path.join(tmp, 'reports-refused') });
    await expect(bulkLoad(options)).rejects.toMatchObject({ code: 'BULK_DATABASE_RUNNING', message: expect.stringContaining('db stop') });
    expect(fs.readdirSync(options.reportDir).filter((d) => d.startsWith('run-'))).toEqual([]);
  });

  it('refuses a database that holds data, once stopped', async () => {
    await bulk.driver.close();
    await bulk.server.stop();
    const options = await bulkOptions(allKinds, home);
    await expect(bulkLoad(options)).rejects.toMatchObject({ code: 'BULK_DATABASE_NOT_EMPTY', message: expect.stringContaining('npx chuantou import') });
  }, 120_000);
});

/** Rows that meet again within one batch and across batches, text that needs quoting, names resolved by name. */
const tricky = {
  'registrations.csv': [
    '统一社会信用代码,企业名称,曾用名,企业类型,登记状态,法定代表人,法定代表人证件号码,注册资本,成立日期,登记机关,住所,经营范围,联系电话,邮箱',
    '91320106MA1X000101,南京甲控股有限公司,,有限责任公司,存续,张三,320106198001011233,1000万元人民币,2015年3月2日,南京市鼓楼区市场监督管理局,江苏省南京市鼓楼区中山路1号,"投资管理，\n资产管理；""专业""服务, 咨询",025-88886666,a@example.cn',
    // Same firm, same batch (batch size 2): its history is taken before either row is applied, as online.
    '91320106MA1X000101,南京甲控股有限公司,,有限责任公司,吊销,张三,320106198001011233,2000万元,2015-03-02,南京市鼓楼区市场监督管理局,江苏省南京市鼓楼区中山路1号,投资管理,025-88886666,a@example.cn',
    '91320106MA1X000202,重名投资有限公司,南京乙咨询有限公司,有限责任公司,存续,李四,3201**********1234,500万美元,2016-04-05,南京市鼓楼区市场监督管理局,南京市鼓楼区北京西路2号,,02588886666,',
    '91320102MA1X000309,重名投资有限公司,,有限责任公司,存续,张三,320106198001011233,"1,000万",20170102,南京市玄武区市场监督管理局,南京市玄武区长江路3号,财富管理,,',
    // Same firm in a later batch: a PriorValue for each changed value.
    '91320106MA1X000101,南京甲控股有限公司,南京甲投资有限公司,有限责任公司,注销,王五,3201**********5678,3000万元,2015-03-02,南京市鼓楼区市场监督管理局,江苏省南京市鼓楼区中山路1号,投资管理,025-88886666；13800000000,',
    '91310000MA1X000606,上海申江商品交易中心有限公司,,有限责任公司,存续,,,1亿元,2014-01-01,上海市市场监督管理局,上海市黄浦区中山东一路1号,"大宗商品""现货""交易，\r\n含, 逗号与\\反斜杠",,',
  ],
  'shareholders.csv': [
    '企业统一社会信用代码,企业名称,股东名称,股东类型,股东证照号码,持股比例,认缴出资额',
    // By name only: one registered firm of that name, two (ambiguous), none.
    ',上海申江商品交易中心有限公司,南京甲控股有限公司,企业法人,,60%,600万元',
    ',上海申江商品交易中心有限公司,重名投资有限公司,企业法人,,20%,',
    ',上海申江商品交易中心有限公司,南京未登记有限公司,企业法人,,20%,',
    '91320106MA1X000202,重名投资有限公司,王五,自然人股东,3201**********5678,40%,400万元',
    // The same holding raised in a later batch: its 40% is kept as the holding's history.
    '91320106MA1X000202,重名投资有限公司,王五,自然人股东,3201**********5678,45%,450万元',
    '91320106MA1X000202,重名投资有限公司,王五,自然人股东,3201**********5678,45%,450万元',
  ],
  'changes.csv': [
    '统一社会信用代码,企业名称,变更事项,变更前,变更后,变更日期',
    // A duplicated rename within one batch, then the same again in another.
    '91320106MA1X000202,重名投资有限公司,名称变更,南京乙财务咨询有限公司,重名投资有限公司,2017-08-01',
    '91320106MA1X000202,重名投资有限公司,名称变更,南京乙财务咨询有限公司,重名投资有限公司,2017-08-01',
    '91320106MA1X000202,重名投资有限公司,名称变更,南京乙财务咨询有限公司,重名投资有限公司,2017-08-01',
    ',南京乙财务咨询有限公司,住所变更,旧址,新址,2018-01-01',
  ],
  'members.csv': [
    '交易场所统一社会信用代码,交易场所名称,会员统一社会信用代码,会员名称,会员类型,会员编号,经营地址,开始日期,状态',
    '91310000MA1X000606,上海申江商品交易中心有限公司,91320106MA1X000101,南京甲控股有限公司,综合类会员,M001,南京市鼓楼区中山路1号,2016-01-05,正常',
    '91310000MA1X000606,上海申江商品交易中心有限公司,91320106MA1X000101,南京甲控股有限公司,代理商,A001,南京市鼓楼区中山路1号,2016-01-05,正常',
    '91310000MA1X000606,上海申江商品交易中心有限公司,91320106MA1X000101,南京甲控股有限公司,综合类会员,M002,南京市鼓楼区中山路1号,2017-01-05,暂停',
  ],
};

describe('bulk load of rows that meet again', () => {
  const home = path.join(tmp, 'tricky');
  const dir = path.join(tmp, 'tricky-files');
  let files: string[];
  let online: Awaited<ReturnType<typeof loadOnline>>;
  let bulk: Awaited<ReturnType<typeof loadBulk>>;

  beforeAll(async () => {
    fs.mkdirSync(dir, { recursive: true });
    files = Object.entries(tricky).map(([name, lines]) => {
      fs.writeFileSync(path.join(dir, name), lines.join('\n') + '\n');
      return path.join(dir, name);
    });
    files.push(path.join(fixtures, 'registrations-update.csv'));
    // An instance that was started once and holds only the schema is empty: it may be bulk-loaded.
    const { server, driver } = await start(home);
    const graph = connect({ uri: server.uri, ...server.auth });
    await graph.applySchema();
    await graph.close();
    await driver.close();
    await server.stop();

    online = await loadOnline(files, 2);
    bulk = await loadBulk(files, home, { batchSize: 2, keepCsv: true });
  }, 300_000);
  afterAll(async () => {
    await bulk?.driver.close();
    await bulk?.server.stop();
  });

  it('gives the same graph, value history and former names as the online importer', () => {
    expect(online.dump.labels.PriorValue).toBeGreaterThan(0);
    // 王五's 40% raised to 45% in a later batch: the holding's value history, as online.
    expect(online.dump.nodes.some((n) => n.startsWith('PriorValue') && n.includes('"holder"'))).toBe(true);
    expect(online.dump.relationships.filter((r) => r.includes('POSSIBLY_SAME_AS')).length).toBeGreaterThan(0);
    expect(bulk.dump.nodes).toEqual(online.dump.nodes);
    expect(bulk.dump.relationships).toEqual(online.dump.relationships);
    expect(rejectsOf(bulk.summary)).toEqual(rejectsOf(online.summary));
  });

  it('keeps text with quotes, commas and line breaks as it was', async () => {
    const result = await bulk.driver.executeQuery(`MATCH (c:Company {key: '91310000MA1X000606'}) RETURN c.businessScope AS scope`);
    expect(result.records[0]?.get('scope')).toBe('大宗商品"现货"交易，\r\n含, 逗号与\\反斜杠');
  });

  it('keeps the admin CSV files when asked, with typed headers', () => {
    const csvDir = bulk.summary.csvDir!;
    const header = (prefix: string) =>
      fs
        .readFileSync(path.join(csvDir, fs.readdirSync(csvDir).find((f) => f.startsWith(prefix))!), 'utf8')
        .split('\n')[0]!
        .split(',');
    expect(header('nodes-Company-')).toEqual(expect.arrayContaining(['key:ID(Company)', ':LABEL', 'establishedOn:date', 'registeredCapitalWan:double', 'provenance:string[]', 'keyUnverified:boolean']));
    expect(header('relationships-HOLDS_SHARES-Company-Company-')).toEqual(expect.arrayContaining([':START_ID(Company)', ':END_ID(Company)', ':TYPE', 'ratio:double']));
    expect(header('relationships-MEMBER_OF-')).toEqual(expect.arrayContaining(['memberType:string']));
  });
});
