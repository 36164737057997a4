import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../cypher/run.ts';
import { importFiles, type ImportSummary } from '../../importers/importFiles.ts';
import { freshGraph, TEST_KEY_SECRET } from '../support/graph.ts';

/** Every CSV record kind imported together, and the graph each becomes. */

const fixtures = path.resolve('tests/fixtures/importers');
const all = ['registrations', 'shareholders', 'officers', 'members', 'branches', 'approvals', 'changes', 'lists', 'relations', 'boFilings'].map((f) =>
  path.join(fixtures, `${f}.csv`),
);
let graph: Graph;
let reportDir: string;
let summary: ImportSummary;

async function query<T = Record<string, unknown>>(cypher: string): Promise<T[]> {
  const result = await graph.driver.executeQuery(cypher, {}, { routing: 'READ' });
  return result.records.map((r) => {
    const o = r.toObject() as Record<string, unknown>;
    for (const [k, v] of Object.entries(o)) if (v && typeof v === 'object' && 'low' in v) o[k] = Number(v as never);
    return o as T;
  });
}

const rejectsOf = (file: string) =>
  fs
    .readFileSync(summary.rejectsFile!, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith(`${file},`))
    .map((l) => l.split(',').slice(0, 6).join(','));

beforeAll(async () => {
  graph = await freshGraph();
  reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-kinds-'));
  summary = await importFiles({ graph, files: [...all].reverse(), reportDir, secret: TEST_KEY_SECRET, user: 'test' });
});
afterAll(async () => {
  await graph.close();
  fs.rmSync(reportDir, { recursive: true, force: true });
});

describe('record kinds', () => {
  it('detects every kind from its Chinese headers and writes registrations first', () => {
    expect(summary.files.map((f) => f.kind)).toEqual(['registrations', 'branches', 'shareholders', 'officers', 'members', 'approvals', 'changes', 'lists', 'relations', 'boFilings']);
  });

  it('officers: one OFFICER_OF per role, and a 法定代表人 role also as LEGAL_REPRESENTATIVE_OF', async () => {
    const roles = await query<{ person: string; role: string }>(
      `MATCH (p:Person)-[o:OFFICER_OF]->(:Company {key: '91320106MA1X000202'}) RETURN p.name AS person, o.role AS role ORDER BY person, role`,
    );
    expect(roles).toEqual([
      { person: '李四', role: '总经理' },
      { person: '李四', role: '执行董事' },
      { person: '赵六', role: '监事' },
    ]);
    const [rep] = await query(`MATCH (p:Person)-[:LEGAL_REPRESENTATIVE_OF]->(:Company {key: '91320106MA1X000101'}) RETURN collect(p.name) AS names`);
    expect(rep).toEqual({ names: ['张三'] });
    expect(rejectsOf('officers.csv')).toEqual(['officers.csv,,5,姓名,,PERSON_NAME_MISSING']);
  });

  it('members: MEMBER_OF with the normalised member type and number, the venue labelled Exchange, the member’s local address', async () => {
    const members = await query(
      `MATCH (m:Company)-[r:MEMBER_OF]->(v:Exchange) RETURN m.name AS member, r.memberType AS type, r.memberTypeText AS text, r.memberNo AS no, v.name AS venue ORDER BY no`,
    );
    expect(members).toEqual([
      { member: '南京戊贵金属经营有限公司', type: '代理商', text: '代理商', no: 'A002', venue: '上海申江商品交易中心有限公司' },
      { member: '南京甲控股有限公司', type: '会员', text: '综合类会员', no: 'M001', venue: '上海申江商品交易中心有限公司' },
    ]);
    const [address] = await query(
      `MATCH (:Company {key: '91320106MA1X000707'})-[:OPERATES_AT]->(a:Address)-[:IN_REGION]->(r:Region) RETURN a.text AS text, r.code AS region`,
    );
    expect(address).toEqual({ text: '南京市秦淮区中华路7号', region: '320104' });
    expect(rejectsOf('members.csv')).toEqual(['members.csv,,4,会员名称,,FIRM_NAME_MISSING']);
  });

  it('branches: BRANCH_OF to the head office, the branch labelled Branch with its premises and manager', async () => {
    const [branch] = await query(
      `MATCH (b:Branch)-[:BRANCH_OF]->(h:Company) OPTIONAL MATCH (p:Person)-[:OFFICER_OF {role: '负责人'}]->(b)
       RETURN b.name AS branch, h.name AS head, b.operatingAddress AS premises, toString(b.establishedOn) AS established, p.name AS manager`,
    );
    expect(branch).toEqual({ branch: '上海申江商品交易中心有限公司南京分公司', head: '上海申江商品交易中心有限公司', premises: '南京市玄武区珠江路9号', established: '2017-02-03', manager: '孙七' });
  });

  it('approvals: APPROVED_BY with authority, document, date, province and whether the province passed acceptance', async () => {
    const approvals = await query(
      `MATCH (v:Exchange)-[:APPROVED_BY]->(a:Approval) RETURN v.name AS venue, a.documentNo AS doc, toString(a.approvedOn) AS on, a.provinceCode AS province, a.acceptancePassed AS passed ORDER BY doc`,
    );
    expect(approvals).toEqual([
      { venue: '南京戊贵金属经营有限公司', doc: '宁政复〔2016〕3号', on: '2016-05-05', province: '320000', passed: null },
      { venue: '上海申江商品交易中心有限公司', doc: '沪府〔2015〕12号', on: '2015-06-01', province: '310000', passed: false },
      { venue: '深圳前海贵金属交易所有限公司', doc: '粤府函〔2014〕88号', on: '2014-09-09', province: '440000', passed: true },
    ]);
    expect(rejectsOf('approvals.csv')).toEqual(['approvals.csv,,4,是否通过部际联席会议验收,不确定,YES_NO_INVALID']);
  });

  it('changes: HAS_CHANGE records, and a name change adds the earlier name as a former name', async () => {
    const changes = await query(
      `MATCH (:Company {key: '91320106MA1X000202'})-[:HAS_CHANGE]->(c:ChangeRecord) RETURN c.item AS item, c.before AS before, c.after AS after, toString(c.changedOn) AS on ORDER BY item`,
    );
    expect(changes).toEqual([
      { item: '名称变更', before: '南京乙财务咨询有限公司', after: '南京乙投资管理有限公司', on: '2017-08-01' },
      { item: '法定代表人变更', before: '赵六', after: '李四', on: '2018-01-02' },
      { item: '注册资本变更', before: '300万美元', after: '500万美元', on: null },
    ]);
    const [firm] = await query(`MATCH (c:Company {key: '91320106MA1X000202'}) RETURN c.formerNames AS former`);
    expect(firm).toEqual({ former: ['南京乙咨询有限公司', '南京乙财务咨询有限公司'] });
    expect(rejectsOf('changes.csv')).toEqual(['changes.csv,,4,变更日期,2018年13月2日,DATE_INVALID']);
  });

  it('lists: FLAGGED firms and fully identified persons with case number, date, amount and victims', async () => {
    const flags = await query(
      `MATCH (s)-[f:FLAGGED]->(l:ListEntry) RETURN s.name AS subject, l.listType AS list, f.caseNo AS caseNo, f.amountWan AS amount, f.victims AS victims ORDER BY subject, list`,
    );
    expect(flags).toEqual([
      { subject: '丙财富管理（南京）有限公司', list: '整改类', caseNo: null, amount: null, victims: null },
      { subject: '南京乙投资管理有限公司', list: '非法集资案件', caseNo: '宁公经立字〔2019〕001号', amount: 5000, victims: 1200 },
      { subject: '张三', list: '非法集资案件', caseNo: '宁公经立字〔2019〕001号', amount: 5000, victims: 1200 },
    ]);
    // One case, two subjects: one ListEntry.
    expect(await query(`MATCH (l:ListEntry {caseNo: '宁公经立字〔2019〕001号'}) RETURN count(l) AS n`)).toEqual([{ n: 1 }]);
    expect(rejectsOf('lists.csv')).toEqual([
      'lists.csv,,4,证件号码,3201**********5678,PERSON_UNIDENTIFIED',
      'lists.csv,,5,名单类型,,LIST_TYPE_MISSING',
      'lists.csv,,6,企业名称,,LIST_SUBJECT_MISSING',
      'lists.csv,,7,受害人数,很多,NUMBER_INVALID',
    ]);
  });

  it('relations: agreement control as CONTROLS with its basis, family ties as RELATED_TO; unidentified or unknown ones rejected', async () => {
    const controls = await query(`MATCH (p:Person)-[r:CONTROLS]->(c:Company) RETURN p.name AS who, r.basis AS basis, r.evidence AS evidence, c.name AS firm`);
    expect(controls).toEqual([{ who: '张三', basis: 'agreement', evidence: '独家服务协议', firm: '南京乙投资管理有限公司' }]);
    const family = await query(`MATCH (a:Person)-[r:RELATED_TO]->(b:Person) RETURN a.name AS a, r.basis AS basis, r.basisText AS text, b.name AS b`);
    expect(family).toEqual([{ a: '张三', basis: 'family', text: '亲属（配偶）', b: '李梅' }]);
    expect(rejectsOf('relations.csv')).toEqual([
      'relations.csv,,4,主体证件号码,3201**********5678,PERSON_UNIDENTIFIED',
      'relations.csv,,5,关系类型,合作伙伴,RELATION_TYPE_UNKNOWN',
      'relations.csv,,6,对象名称,李梅,RELATION_OBJECT_NOT_FIRM',
      'relations.csv,,7,主体名称,,PARTY_NAME_MISSING',
    ]);
  });

  it('filed beneficial owners: a BOFiling per firm, owner and type, kept apart from holdings', async () => {
    const filings = await query(`MATCH (c:Company)-[:FILED_BO]->(b:BOFiling) RETURN c.name AS firm, b.ownerName AS owner, b.ratio AS ratio ORDER BY firm, ratio`);
    expect(filings).toEqual([
      { firm: '丙财富管理（南京）有限公司', owner: '王五', ratio: 0.15 },
      { firm: '丙财富管理（南京）有限公司', owner: '张三', ratio: 0.3 },
      { firm: '南京乙投资管理有限公司', owner: '王五', ratio: 0.4 },
    ]);
    expect(rejectsOf('boFilings.csv')).toEqual(['boFilings.csv,,5,持股/表决权比例,150%,RATIO_INVALID']);
  });

  it('proposes possibly-same-person links for same-name persons with compatible IDs, never merging them', async () => {
    // 王五 is named by two firms, each time with the same masked number: two scoped persons, one proposal.
    const wangs = await query(`MATCH (p:Person {name: '王五'}) RETURN count(p) AS n`);
    expect(wangs).toEqual([{ n: 2 }]);
    const links = await query(`MATCH (a:Person)-[s:POSSIBLY_SAME_AS]->(b:Person) RETURN a.name AS a, b.name AS b, s.status AS status, s.reasons AS reasons`);
    expect(links).toEqual([{ a: '王五', b: '王五', status: 'proposed', reasons: ['compatible-id'] }]);
    expect(summary.proposedSamePersons).toBe(1);
  });
});
