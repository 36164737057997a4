import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../cypher/run.ts';
import { runAnalysis } from '../../analyses/index.ts';
import { envelope as envelopeSchema, unmatchedEntries, type Envelope, type Finding } from '../../analyses/envelope.ts';
import { classifyEntry } from '../../analyses/listXref.ts';
import { findingRows, toCsv } from '../../analyses/tabular.ts';
import { nameSimilarity } from '../../analyses/nameSimilarity.ts';
import { TEST_SETTINGS } from '../support/graph.ts';
import { loadFixtures } from '../support/fixtures.ts';

/**
 * The list cross-reference on hand-built firms and people whose matches and distances to the
 * flagged firm are known (tests/fixtures/analyses/xref/README.md).
 */

const fixtures = path.resolve('tests/fixtures/analyses/xref');
let graph: Graph;

beforeAll(async () => {
  graph = await loadFixtures(fixtures, ['registrations', 'shareholders', 'officers', 'lists']);
});
afterAll(async () => {
  await graph.close();
});

const xref = (params: Record<string, unknown>) => runAnalysis(graph, 'list-xref', params, TEST_SETTINGS);
const of = (env: Envelope, input: string): Finding[] => env.findings.filter((f) => f.facts.input === input);
const one = (env: Envelope, input: string): Finding => {
  const found = of(env, input);
  expect(found, input).toHaveLength(1);
  return found[0]!;
};
const FLAGGED = '91320100MA1TX00015';

describe('list-xref: matching', () => {
  it('matches a USCC and an old registration number exactly, and reports a mistyped code as unmatched', async () => {
    const env = await xref({ entries: `${FLAGGED},320106000012345,91320100MA1TX0000X` });
    expect(envelopeSchema.parse(env)).toEqual(env);
    expect(one(env, FLAGGED).facts).toMatchObject({ inputKind: 'uscc', matchedBy: 'code', matchedName: '南京鑫隆投资管理有限公司' });
    expect(one(env, '320106000012345')).toMatchObject({ subject: { name: '南京旧城百货商店' }, facts: { inputKind: 'registrationNumber', matchedBy: 'code' } });
    expect(unmatchedEntries(env)).toEqual(['91320100MA1TX0000X']);
  });

  it('matches a name in normalised form, a traditional spelling, and a former name, each saying how', async () => {
    const env = await xref({ entries: ['南京鑫隆财富管理有限公司 ', '南京滙豐貿易有限公司', '南京嘉盛网络科技有限公司'] });
    expect(one(env, '南京鑫隆财富管理有限公司').facts.matchedBy).toBe('name');
    // 乾 folds to 干 in normalised form on both sides; written as registered it is a plain name match.
    expect(one(await xref({ entries: '南京乾元贸易有限公司' }), '南京乾元贸易有限公司').facts.matchedBy).toBe('name');
    expect(one(env, '南京滙豐貿易有限公司')).toMatchObject({ subject: { name: '南京汇丰贸易有限公司' }, facts: { matchedBy: 'traditional' } });
    expect(one(env, '南京嘉盛网络科技有限公司')).toMatchObject({
      subject: { name: '南京嘉盛科技有限公司' },
      facts: { matchedBy: 'formerName', matchedName: '南京嘉盛网络科技有限公司', matchScore: 1 },
    });
  });

  it('offers close names, scored by bigram Dice of the name cores, only when nothing matches exactly', async () => {
    const env = await xref({ entries: '南京鑫龙财富管理有限公司' });
    const f = one(env, '南京鑫龙财富管理有限公司');
    expect(f).toMatchObject({ subject: { name: '南京鑫隆财富管理有限公司' }, facts: { matchedBy: 'close' } });
    expect(f.score).toBeCloseTo(10 / 14, 12);
    const strict = await xref({ entries: '南京鑫龙财富管理有限公司', minScore: 0.8 });
    expect(strict.findings).toEqual([]);
    expect(unmatchedEntries(strict)).toEqual(['南京鑫龙财富管理有限公司']);
  });

  it('matches persons by name one by one, with a note that a same name is not the same person', async () => {
    const env = await xref({ entries: '王芳' });
    const found = of(env, '王芳');
    expect(found).toHaveLength(2);
    expect(new Set(found.map((f) => f.subject.key)).size).toBe(2);
    for (const f of found) {
      expect(f.subject.kind).toBe('PERSON');
      expect(f.facts.matchedBy).toBe('personName');
      expect(f.facts.identifier).toMatch(/^3201\*+\d{3}[\dX]$/);
      expect(f.facts.note).toMatch(/同名不等于同一人（同名 2 人/);
    }
  });

  it('leaves a name found nowhere unmatched rather than inventing a match', async () => {
    const env = await xref({ entries: '北京不存在有限公司,南京晨光餐饮管理有限公司' });
    expect(env.findings.map((f) => f.facts.input)).toEqual(['南京晨光餐饮管理有限公司']);
    expect(unmatchedEntries(env)).toEqual(['北京不存在有限公司']);
  });

  it('exports every entry: a row per match and a 未找到 / not found row per entry that matched nothing', async () => {
    const env = await xref({ entries: '北京不存在有限公司,南京晨光餐饮管理有限公司' });
    const rows = findingRows(env);
    expect(rows.map((r) => [r.input, r.matchedBy, r.name])).toEqual([
      ['南京晨光餐饮管理有限公司', 'name', '南京晨光餐饮管理有限公司'],
      ['北京不存在有限公司', '未找到 / not found', null],
    ]);
    expect(toCsv(env).split('\r\n').find((l) => l.includes('北京不存在有限公司'))).toMatch(/^,,,,北京不存在有限公司,,未找到 \/ not found,/);
  });
});

describe('list-xref: distance to the nearest flagged firm', () => {
  it('is 0 for a flagged firm, 1 for the firm it holds, 2 for that firm’s representative, 3 for his other firm — with the route', async () => {
    const env = await xref({ entries: [FLAGGED, '南京鑫隆财富管理有限公司', '赵立新', '南京远航贸易有限公司'] });
    expect(env.findings.map((f) => f.facts.distanceToFlagged)).toEqual([0, 1, 2, 3]);
    for (const f of env.findings) {
      expect(f.facts.nearestFlaggedKey).toBe(FLAGGED);
      expect(f.facts.nearestFlaggedListTypes).toEqual(['非法集资案件']);
      expect(f.exhaustive).toBe(true);
    }
    expect(one(env, FLAGGED).evidence.chains.map((c) => c.kind)).toEqual(['listing']);
    const far = one(env, '南京远航贸易有限公司').evidence.chains[0]!;
    expect(far.kind).toBe('path');
    expect(far.path.map((p) => p.name)).toEqual(['南京远航贸易有限公司', '赵立新', '南京鑫隆财富管理有限公司', '南京鑫隆投资管理有限公司']);
    // Edges point as in the graph: the representative's edge runs into the first firm, so it is marked reversed.
    expect(far.edges.map((e) => [e.type, e.details?.reversed ?? false])).toEqual([
      ['LEGAL_REPRESENTATIVE_OF', true],
      ['LEGAL_REPRESENTATIVE_OF', false],
      ['HOLDS_SHARES', true],
    ]);
  });

  it('says none within maxDistance only when the walk was complete, and names the hub cap otherwise', async () => {
    const complete = one(await xref({ entries: '南京晨光餐饮管理有限公司' }), '南京晨光餐饮管理有限公司');
    expect(complete.facts.distanceToFlagged).toBeNull();
    expect(complete.exhaustive).toBe(true);
    const capped = await xref({ entries: '南京晨光餐饮管理有限公司', fanOut: 2 });
    const f = one(capped, '南京晨光餐饮管理有限公司');
    expect(f.facts.distanceToFlagged).toBeNull();
    expect(f.exhaustive).toBe(false);
    expect(f.limitsHit).toEqual([expect.stringMatching(/^fanOut:南京市鼓楼区中山路1号$/)]);
    expect(capped.limitsHit).toEqual(f.limitsHit);
  });

  it('counts only the chosen list types as flagged: a borrower disclosure is not a flag unless asked for', async () => {
    const asked = await xref({ entries: '南京晨光餐饮管理有限公司', listTypes: 'P2P平台借款人' });
    const f = one(asked, '南京晨光餐饮管理有限公司');
    expect(f.facts).toMatchObject({ distanceToFlagged: 2, nearestFlaggedName: '南京青禾农业发展有限公司', nearestFlaggedListTypes: ['P2P平台借款人'] });
    expect(f.evidence.chains[0]!.path.map((p) => p.kind)).toEqual(['COMPANY', 'ADDRESS', 'COMPANY']);
  });

  it('follows flagged firms first within the hub cap, and still names the cap', async () => {
    // By name alone the address's first two firms are 星河 and 晨光 itself; 青禾 comes in only as flagged.
    const env = await xref({ entries: '南京晨光餐饮管理有限公司', listTypes: 'P2P平台借款人', fanOut: 2 });
    const f = one(env, '南京晨光餐饮管理有限公司');
    expect(f.facts).toMatchObject({ distanceToFlagged: 2, nearestFlaggedName: '南京青禾农业发展有限公司' });
    expect(f.limitsHit).toEqual(['fanOut:南京市鼓楼区中山路1号']);
  });

  it('searches only as far as asked', async () => {
    const env = await xref({ entries: '南京远航贸易有限公司', maxDistance: 2 });
    expect(one(env, '南京远航贸易有限公司').facts.distanceToFlagged).toBeNull();
  });
});

describe('list-xref: entries and names (no database)', () => {
  it('tells codes from names by their form', () => {
    expect(classifyEntry('91320100MA1TX00015').kind).toBe('uscc');
    expect(classifyEntry(' 9132 0100 MA1T X000 15 ').kind).toBe('uscc');
    expect(classifyEntry('320106000012345').kind).toBe('registrationNumber');
    expect(classifyEntry('91320100MA1TX0000X').kind).toBe('code');
    expect(classifyEntry('南京P2P金融信息服务有限公司').kind).toBe('name');
    expect(classifyEntry('南京滙豐貿易有限公司')).toEqual({ input: '南京滙豐貿易有限公司', kind: 'name', lookup: '南京汇丰贸易有限公司' });
  });

  it('scores names by their cores, so the organisational form does not count', () => {
    expect(nameSimilarity('南京鑫隆财富管理有限公司', '南京鑫隆财富管理有限责任公司')).toBe(1);
    expect(nameSimilarity('南京鑫隆财富管理有限公司', '南京鑫龙财富管理有限公司')).toBeCloseTo(10 / 14, 12);
    expect(nameSimilarity('南京鑫隆财富管理有限公司', '苏州远航贸易有限公司')).toBe(0);
  });
});
