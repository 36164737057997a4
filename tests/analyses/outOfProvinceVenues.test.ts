import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../cypher/run.ts';
import { runAnalysis } from '../../analyses/index.ts';
import { envelope as envelopeSchema, type Envelope, type Finding } from '../../analyses/envelope.ts';
import { TEST_SETTINGS } from '../support/graph.ts';
import { loadFixtures } from '../support/fixtures.ts';

/**
 * Venues registered elsewhere and operating here, and local members of venues without standing,
 * on hand-built venues whose answers are known (tests/fixtures/analyses/venues/README.md).
 */

const fixtures = path.resolve('tests/fixtures/analyses/venues');
const venue = {
  zhejiang: '91330000MA1FC00014',
  anhui: '91340000MA1FC0002B',
  shandong: '91370000MA1FC0003T',
  jiangsuUnapproved: '91320000MA1FC00049',
  jiangsuApproved: '91320000MA1FC0005C',
  henan: '91410000MA1FC00062',
  shanghaiLike: '91310000MA1FC0007E',
  movedIn: '91330100MA1FC0008Y',
  fujian: '91350000MA1FC00095',
  jiangsuBetting: '91320000MA1FC0010X',
};
const member = { nanjing: '91320100MA1FC00116', suzhou: '91320500MA1FC0012X', shandongMember: '91320100MA1FC0015J', yangzhou: '91321000MA1FC0020B' };
const shandongBranch = '91320100MA1FC0022A';
let graph: Graph;

beforeAll(async () => {
  graph = await loadFixtures(fixtures, ['registrations', 'members', 'approvals', 'branches', 'lists'], ['tradingModel.cypher']);
});
afterAll(async () => {
  await graph.close();
});

const screen = (params: Record<string, unknown> = {}) => runAnalysis(graph, 'out-of-province-venues', params, TEST_SETTINGS);
const reasonsOf = (env: Envelope) => env.findings.map((f) => `${f.subject.key} ${String(f.facts.reason)}`).sort();
const finding = (env: Envelope, key: string, reason: string): Finding => {
  const found = env.findings.filter((f) => f.subject.key === key && f.facts.reason === reason);
  expect(found, `${key} ${reason}`).toHaveLength(1);
  return found[0]!;
};

describe('out-of-province-venues', () => {
  it('reports each venue once per reason, and nothing for approved local venues, venues with no footprint here, or a moved-in venue', async () => {
    const env = await screen();
    expect(envelopeSchema.parse(env)).toEqual(env);
    expect(env.params.jurisdiction).toBe('320000');
    expect(env.about).toEqual({ kind: 'REGION', key: '320000', name: '江苏省' });
    expect(reasonsOf(env)).toEqual(
      [
        `${venue.zhejiang} registered-elsewhere`,
        `${venue.anhui} registered-elsewhere`,
        `${venue.anhui} acceptance-failed`,
        `${venue.shandong} registered-elsewhere`,
        `${venue.shandong} unapproved`,
        `${venue.jiangsuUnapproved} unapproved`,
        `${venue.shanghaiLike} registered-elsewhere`,
        `${venue.fujian} registered-elsewhere`,
        `${venue.fujian} betting-model`,
        `${venue.jiangsuBetting} betting-model`,
      ].sort(),
    );
    expect(env.exhaustive).toBe(true);
    expect(env.limitsHit).toEqual([]);
  });

  it('a venue registered elsewhere with two local members: its local footprint, by type and place, with the membership chains', async () => {
    const f = finding(await screen(), venue.zhejiang, 'registered-elsewhere');
    expect(f.facts).toMatchObject({
      reasons: ['registered-elsewhere'],
      venueBasis: 'exchange',
      registeredIn: '浙江省',
      approved: true,
      acceptancePassed: true,
      localCount: 2,
      members: 1,
      agents: 1,
      brokers: 0,
      branches: 0,
      operatingHere: false,
    });
    expect(f.facts.localKeys).toEqual([member.nanjing, member.suzhou]);
    expect(f.facts.localEntities).toEqual(['南京测试贸易有限公司（会员 member，江苏省南京市鼓楼区）', '苏州测试咨询有限公司（代理商 agent，江苏省苏州市姑苏区）']);
    const chain = f.evidence.chains.find((c) => c.kind === 'membership' && c.path[0]!.key === member.suzhou)!;
    expect(chain.path[1]!.key).toBe(venue.zhejiang);
    expect(chain.edges[0]).toMatchObject({ type: 'MEMBER_OF', validFrom: '2019-01-01', details: { memberType: '代理商', memberNo: 'A0102', place: '江苏省苏州市姑苏区' } });
    expect(f.evidence.chains.find((c) => c.kind === 'approval')!.edges[0]!.details).toMatchObject({ province: '浙江省', ownProvince: true, acceptancePassed: true });
  });

  it('a venue approved in a province that failed the inter-ministerial acceptance: its local members', async () => {
    const f = finding(await screen(), venue.anhui, 'acceptance-failed');
    expect(f.facts).toMatchObject({ approved: true, acceptancePassed: false, failedAcceptanceRecord: '皖政复〔2016〕2号', localCount: 1, serviceInstitutions: 1 });
  });

  it('a venue without approval: its local members for "unapproved", members and branch for "registered-elsewhere"', async () => {
    const env = await screen();
    const unapproved = finding(env, venue.shandong, 'unapproved');
    expect(unapproved.facts).toMatchObject({ approved: false, approvals: [], localKeys: [member.shandongMember], reasons: ['registered-elsewhere', 'unapproved'] });
    const elsewhere = finding(env, venue.shandong, 'registered-elsewhere');
    expect(elsewhere.facts.localKeys).toEqual([member.shandongMember, shandongBranch]);
    expect(elsewhere.facts.branches).toBe(1);
    expect(elsewhere.evidence.chains.find((c) => c.kind === 'branch')!.edges[0]).toMatchObject({ type: 'BRANCH_OF', details: { place: '江苏省南京市秦淮区' } });
    expect(finding(env, venue.jiangsuUnapproved, 'unapproved').facts).toMatchObject({ registeredIn: '江苏省', localCount: 1 });
  });

  it('a firm named like a venue, registered elsewhere, operating here', async () => {
    const f = finding(await screen(), venue.shanghaiLike, 'registered-elsewhere');
    expect(f.facts).toMatchObject({ venueBasis: 'name', registeredIn: '上海市', operatingHere: true, localCount: 1 });
    const chain = f.evidence.chains[0]!;
    expect(chain.kind).toBe('contact');
    expect(chain.path.map((n) => n.kind)).toEqual(['COMPANY', 'ADDRESS']);
    expect(chain.edges[0]).toMatchObject({ type: 'OPERATES_AT', details: { place: '江苏省南京市建邺区' } });
  });

  it('takes the registration place from the registering authority, not from the USCC of a firm that moved in', async () => {
    const env = await screen();
    expect(env.findings.filter((f) => f.subject.key === venue.movedIn)).toEqual([]);
    expect(env.findings.filter((f) => f.subject.key === venue.henan || f.subject.key === venue.jiangsuApproved)).toEqual([]);
  });

  it('a venue that bets against its clients, by a listing or by its trading model; a member placed by the members file alone', async () => {
    const env = await screen();
    const listed = finding(env, venue.fujian, 'betting-model');
    expect(listed.facts.localKeys).toEqual([member.yangzhou]);
    expect(listed.facts.localEntities).toEqual(['扬州测试贸易有限公司（代理商 agent，江苏省扬州市广陵区）']);
    expect(listed.evidence.chains.find((c) => c.kind === 'listing')!.edges[0]!.details).toMatchObject({ listType: '违规交易场所', note: '做市商对赌模式' });
    expect(finding(env, venue.jiangsuBetting, 'betting-model').facts).toMatchObject({ tradingModel: '做市商对赌', reasons: ['betting-model'] });
  });

  it('screens a city as its own jurisdiction: only what is inside 苏州', async () => {
    const env = await screen({ jurisdiction: '320500' });
    const zhejiang = finding(env, venue.zhejiang, 'registered-elsewhere');
    expect(zhejiang.facts.localKeys).toEqual([member.suzhou]);
    expect(env.findings.flatMap((f) => f.facts.localKeys as string[])).not.toContain(member.nanjing);
  });

  it('asOf: a membership that began later is not counted', async () => {
    const f = finding(await screen({ asOf: '2018-06-30' }), venue.zhejiang, 'registered-elsewhere');
    expect(f.facts.localKeys).toEqual([member.nanjing]);
  });

  it('refuses an unknown jurisdiction, and a venue word the full-text index cannot look for', async () => {
    await expect(screen({ jurisdiction: '999999' })).rejects.toMatchObject({ code: 'BAD_PARAMS' });
    await expect(screen({ venueTerms: '交易所,金' })).rejects.toMatchObject({ code: 'BAD_PARAMS' });
  });
});

describe('out-of-province-venues: every cap reached is named, never a silent negative', () => {
  it('fanOut: a venue with more local members than taken', async () => {
    const env = await screen({ fanOut: 1 });
    expect(env.limitsHit).toEqual([`fanOut:${venue.zhejiang}`]);
    const f = finding(env, venue.zhejiang, 'registered-elsewhere');
    expect(f.facts.localKeys).toEqual([member.nanjing]);
    expect(f.exhaustive).toBe(false);
    expect(f.evidence.chainsComplete).toBe(false);
  });

  it('unknownPlace: a venue and a member whose places are not known cannot be ruled in or out', async () => {
    await graph.driver.executeQuery(`
      CREATE (v:Company:Exchange {key: 'U-TESTVENUEUNKNOWN', name: '测试无地址交易中心', normalizedName: '测试无地址交易中心'})
      CREATE (m:Company {key: 'U-TESTMEMBERUNKNOWN', name: '测试无地址会员', normalizedName: '测试无地址会员'})
      CREATE (m)-[:MEMBER_OF {memberType: '会员'}]->(v)`);
    try {
      const env = await screen();
      expect(env.limitsHit).toEqual(['unknownPlace:U-TESTVENUEUNKNOWN']);
      expect(env.exhaustive).toBe(false);
      expect(env.findings.filter((f) => f.subject.key === 'U-TESTVENUEUNKNOWN')).toEqual([]);
    } finally {
      await graph.driver.executeQuery("MATCH (n:Company) WHERE n.key IN ['U-TESTVENUEUNKNOWN', 'U-TESTMEMBERUNKNOWN'] DETACH DELETE n");
    }
  });
});
