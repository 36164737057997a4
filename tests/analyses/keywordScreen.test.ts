import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../cypher/run.ts';
import { runAnalysis } from '../../analyses/index.ts';
import { envelope as envelopeSchema, type Envelope, type Finding } from '../../analyses/envelope.ts';
import { anyOf, keywordClause, searchableTokens } from '../../analyses/fulltextQuery.ts';
import { parseKeywordConfig } from '../../model/keywordLists.ts';
import { highlight, occurrences } from '../../analyses/textHits.ts';
import { TEST_SETTINGS } from '../support/graph.ts';
import { loadFixtures } from '../support/fixtures.ts';

/**
 * The keyword screen on hand-built firms whose hits are known (tests/fixtures/analyses/screens/README.md).
 */

const fixtures = path.resolve('tests/fixtures/analyses/screens');
let graph: Graph;

beforeAll(async () => {
  graph = await loadFixtures(fixtures, ['registrations', 'approvals', 'lists']);
});
afterAll(async () => {
  await graph.close();
});

const screen = (params: Record<string, unknown>) => runAnalysis(graph, 'keyword-screen', params, TEST_SETTINGS);
const names = (env: Envelope) => env.findings.map((f) => f.subject.name).sort();
const named = (env: Envelope, name: string): Finding => {
  const found = env.findings.filter((f) => f.subject.name === name);
  expect(found, name).toHaveLength(1);
  return found[0]!;
};

describe('keyword-screen: the shipped lists', () => {
  it('finds every firm whose name, former name or scope holds a listed keyword, and no other', async () => {
    const env = await screen({});
    expect(envelopeSchema.parse(env)).toEqual(env);
    expect(names(env)).toEqual(
      [
        '江苏贵金属交易中心有限公司',
        '南京恒德投资管理有限公司',
        '南京宏博商务咨询有限公司',
        '苏州瑞丰网络科技有限公司',
        '上海鼎盛微盘科技有限公司',
        '南京华信小额贷款有限公司',
        '南京金鼎商品交易所有限公司',
      ].sort(),
    );
    expect(env.exhaustive).toBe(true);
    expect(env.limitsHit).toEqual([]);
  });

  it('names each hit by field and keyword, the lists it belongs to, and scores by distinct keywords', async () => {
    const env = await screen({});
    const venue = named(env, '江苏贵金属交易中心有限公司');
    expect(venue.facts.hits).toEqual(['name:交易中心', 'name:贵金属', 'businessScope:贵金属', 'businessScope:投资咨询']);
    expect([...(venue.facts.lists as string[])].sort()).toEqual(['finance', 'investment-scopes', 'venues']);
    expect(venue.score).toBe(3);
    // The firm with the most distinct keywords comes first.
    expect(env.findings[0]!.subject.name).toBe('南京恒德投资管理有限公司');
  });

  it('marks the hits with <em>…</em>, adjacent keywords as two marks', async () => {
    const venue = named(await screen({}), '江苏贵金属交易中心有限公司');
    expect(venue.facts.highlights).toContain('name:江苏<em>贵金属</em><em>交易中心</em>有限公司');
  });

  it('finds a firm by a former name only, and says so', async () => {
    const f = named(await screen({}), '南京宏博商务咨询有限公司');
    expect(f.facts.hits).toEqual(['formerNames:资产管理']);
    expect(f.facts.highlights).toEqual(['formerNames:南京宏博<em>资产管理</em>有限公司']);
  });

  it('applies a list only to its fields: a scope-only keyword in a name is no hit of that list', async () => {
    // 投资管理 is in investment-scopes (scope only) and in investment-names (names only).
    const env = await screen({ lists: 'investment-scopes' });
    const f = named(env, '南京恒德投资管理有限公司');
    expect(f.facts.hits).toEqual(['businessScope:投资管理', 'businessScope:投资咨询', 'businessScope:资产管理']);
    expect(names(env)).not.toContain('南京宏博商务咨询有限公司');
  });

  it('reads full-width letters in the text as their ASCII forms (Ｐ２Ｐ is P2P)', async () => {
    const f = named(await screen({ lists: 'finance' }), '苏州瑞丰网络科技有限公司');
    expect(f.facts.hits).toContain('businessScope:P2P');
    expect(f.facts.highlights).toEqual(['businessScope:网络技术开发；<em>Ｐ２Ｐ</em><em>网络借贷</em>信息中介服务。']);
  });

  it('shows a flagged firm’s listing and an approved venue’s approval as evidence', async () => {
    const env = await screen({});
    const micro = named(env, '上海鼎盛微盘科技有限公司');
    expect(micro.facts.flagged).toBe(true);
    expect(micro.facts.listTypes).toEqual(['微盘平台']);
    expect(micro.evidence.chains.map((c) => c.kind)).toEqual(['listing']);
    const venue = named(env, '江苏贵金属交易中心有限公司');
    expect(venue.facts.approved).toBe(true);
    expect(venue.evidence.chains[0]!.edges[0]!.details).toMatchObject({ category: '贵金属', documentNo: '苏政复〔2012〕8号' });
  });
});

describe('keyword-screen: filters and the user’s keywords', () => {
  it('keeps only firms registered in the jurisdiction when asked (the Shanghai platform drops out)', async () => {
    const env = await screen({ lists: 'venues,micro-trading', inJurisdiction: 'true' });
    expect(names(env)).toEqual(['江苏贵金属交易中心有限公司', '南京金鼎商品交易所有限公司'].sort());
    const everywhere = await screen({ lists: 'venues,micro-trading', inJurisdiction: 'false' });
    expect(names(everywhere)).toContain('上海鼎盛微盘科技有限公司');
  });

  it('keeps only firms without a venue approval when asked', async () => {
    const env = await screen({ lists: 'venues', withoutApproval: true });
    expect(names(env)).toEqual(['南京金鼎商品交易所有限公司']);
    expect(env.findings[0]!.facts.approved).toBe(false);
  });

  it('screens the user’s own keywords in the fields given, reported as the list "user"', async () => {
    const env = await screen({ lists: '', keywords: '三农,现货', fields: 'businessScope' });
    expect(names(env)).toEqual(['江苏贵金属交易中心有限公司', '南京华信小额贷款有限公司', '南京金鼎商品交易所有限公司'].sort());
    expect(named(env, '南京华信小额贷款有限公司').facts.lists).toEqual(['user']);
  });

  it('never lets keyword text break the query: P2P, quotes, brackets and AND run; what the index cannot search is named', async () => {
    const env = await screen({ lists: [], keywords: ['P2P', '"交易"', '(中心', 'AND'] });
    expect(envelopeSchema.parse(env)).toEqual(env);
    expect(names(env)).toEqual(['苏州瑞丰网络科技有限公司']);
    // The keywords are matched as written: a quote or bracket is part of the keyword.
    expect(env.limitsHit).toEqual(['unsearchable:AND']);
    expect(env.exhaustive).toBe(false);
  });

  it('refuses a one-character keyword, an unknown list and more keywords than one query takes', async () => {
    await expect(screen({ keywords: '金' })).rejects.toMatchObject({ code: 'BAD_PARAMS' });
    await expect(screen({ lists: 'nope' })).rejects.toMatchObject({ code: 'BAD_PARAMS' });
    // More index terms than Lucene takes in one query is refused before it reaches the index.
    const long = Array.from({ length: 50 }, (_, i) => `${'金融'.repeat(20)}${i}`);
    await expect(screen({ keywords: long })).rejects.toMatchObject({ code: 'BAD_PARAMS', message: expect.stringContaining('too many keywords') });
  });

  it('names the caps it reached: index hits read and findings returned', async () => {
    const env = await screen({ maxHits: 2 });
    expect(env.findings.length).toBeLessThanOrEqual(2);
    expect(env.limitsHit).toContain('hits');
    const few = await screen({ limit: 1 });
    expect(few.findings).toHaveLength(1);
    expect(few.limitsHit).toEqual(['results']);
  });
});

describe('keyword-screen: query building and highlighting (no database)', () => {
  it('turns a keyword into the index tokens, dropping what the index holds no token for', () => {
    expect(searchableTokens('P2P网贷')).toEqual(['p2p', '网贷']);
    expect(searchableTokens('P2P网')).toEqual(['p2p']);
    expect(searchableTokens('"AND" (OR)')).toEqual([]);
    expect(searchableTokens('Ｐ２Ｐ')).toEqual(['p2p']);
  });

  it('quotes every token and restricts it to the fields, so Lucene syntax in the text is inert', () => {
    expect(keywordClause('交易中心', ['name'])).toBe('name:"交易中心"');
    expect(keywordClause('P2P网贷*', ['name', 'businessScope'])).toBe('(name:("p2p" AND "网贷") OR businessScope:("p2p" AND "网贷"))');
    expect(keywordClause('"', ['name'])).toBeNull();
    expect(anyOf(['a:"x"', 'b:"y"'])).toBe('a:"x" OR b:"y"');
  });

  it('cuts a long text to windows around the hits', () => {
    const text = `${'甲'.repeat(40)}贵金属${'乙'.repeat(40)}理财${'丙'.repeat(10)}`;
    const marked = highlight(text, [...occurrences(text, '贵金属'), ...occurrences(text, '理财')]);
    expect(marked).toBe(`…${'甲'.repeat(12)}<em>贵金属</em>${'乙'.repeat(12)}…${'乙'.repeat(12)}<em>理财</em>${'丙'.repeat(10)}`);
  });

  it('marks overlapping keywords once (基金 inside 基金管理)', () => {
    const text = '南京基金管理有限公司';
    expect(highlight(text, [...occurrences(text, '基金'), ...occurrences(text, '基金管理')])).toBe('南京<em>基金管理</em>有限公司');
  });

  it('checks the keyword lists when they load, naming the list and field at fault', () => {
    expect(() => parseKeywordConfig({ lists: [{ name: 'x', title: { zh: '甲', en: 'x' }, fields: ['name'], keywords: ['金'] }] })).toThrow(/lists\.0\.keywords\.0/);
    expect(() => parseKeywordConfig({ lists: [{ name: 'x', title: { zh: '甲', en: 'x' }, fields: ['address'], keywords: ['金融'] }] })).toThrow(/lists\.0\.fields\.0/);
  });
});
