import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../cypher/run.ts';
import { readKeywordLists, saveKeywordLists, VocabularyEditConflict } from '../../cypher/vocabularies.ts';
import { importFiles } from '../../importers/importFiles.ts';
import { createApi } from '../../server/yoga.ts';
import { freshGraph, TEST_KEY_SECRET } from '../support/graph.ts';
import { signedInClient, testServerParts, type ApiClient, type TestServerParts } from '../support/server.ts';

/**
 * The vocabularies through the API: list types and keyword lists are read by the working roles and
 * edited by the system administrator alone; every edit is a version with author, time, reason and
 * changes, made only from the version the editor read; former versions stay readable; the next
 * import and the next screen use what was edited, and the screen's report names the version.
 */

const fixtures = path.resolve('tests/fixtures/vocabularies');

let graph: Graph;
let parts: TestServerParts;
let sysadmin: ApiClient;
let regulator: ApiClient;
let investigator: ApiClient;
let reportDir: string;

const KEYWORD_LISTS = `query($v: Int) { keywordLists(version: $v) { version source lists { name title { zh en } fields keywords } } }`;
const LIST_TYPES = `query($v: Int) { listTypes(version: $v) { version source types { code name nameEn meaning spellings } } }`;
const SET_KEYWORD_LISTS = `mutation($e: Int!, $r: String!, $l: [KeywordListInput!]!) { setKeywordLists(expectedVersion: $e, reason: $r, lists: $l) { version source lists { name keywords } } }`;
const SET_LIST_TYPES = `mutation($e: Int!, $r: String!, $t: [ListTypeInput!]!) { setListTypes(expectedVersion: $e, reason: $r, types: $t) { version types { code spellings } } }`;
const HISTORY = `query($v: Vocabulary!, $first: Int, $after: String) { vocabularyHistory(vocabulary: $v, first: $first, after: $after) { nodes { vocabulary version author at reason changes { op path value } } pageInfo { hasNextPage endCursor } } }`;

type Lists = { name: string; title: { zh: string; en: string }; fields: string[]; keywords: string[] }[];

async function currentKeywordLists(client: ApiClient): Promise<{ version: number; lists: Lists }> {
  const { data, errors } = await client.gql(KEYWORD_LISTS);
  expect(errors).toBeUndefined();
  return data!.keywordLists;
}

const withKeyword = (lists: Lists, list: string, keyword: string): Lists => lists.map((l) => (l.name === list ? { ...l, keywords: [...l.keywords, keyword] } : l));

beforeAll(async () => {
  graph = await freshGraph();
  reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-vocabularies-'));
  await importFiles({ graph, files: [path.join(fixtures, 'registrations.csv')], reportDir, secret: TEST_KEY_SECRET });
  parts = testServerParts(graph);
  const api = createApi(parts);
  const fetchApi = (url: string, init: RequestInit) => api.fetch(url, init);
  [sysadmin, regulator, investigator] = await Promise.all([
    signedInClient(fetchApi, parts.accounts, 'sysadmin'),
    signedInClient(fetchApi, parts.accounts, 'regulator'),
    signedInClient(fetchApi, parts.accounts, 'investigator'),
  ]);
});
afterAll(async () => {
  await graph.close();
  fs.rmSync(reportDir, { recursive: true, force: true });
});

describe('vocabularies', () => {
  it('lets a regulator read the list types and keyword lists in use (the shipped seed while the database holds none)', async () => {
    const { data, errors } = await regulator.gql(LIST_TYPES);
    expect(errors).toBeUndefined();
    expect(data!.listTypes).toMatchObject({ version: 1, source: 'SHIPPED' });
    expect(data!.listTypes.types.find((t: { code: string }) => t.code === 'ILLEGAL_FUNDRAISING_CASE')).toMatchObject({ name: '非法集资案件', meaning: 'FLAGGING', spellings: expect.arrayContaining(['非法集资立案']) });
    const lists = await currentKeywordLists(regulator);
    expect(lists.version).toBe(1);
    expect(lists.lists.find((l) => l.name === 'venues')).toMatchObject({ title: { zh: '交易场所类名称' }, fields: ['NAME', 'FORMER_NAMES', 'BUSINESS_SCOPE'], keywords: ['交易所', '交易中心', '交易市场'] });
  });

  it('refuses an edit by a regulator or an investigator with FORBIDDEN', async () => {
    const { version, lists } = await currentKeywordLists(regulator);
    for (const client of [regulator, investigator]) {
      const { errors } = await client.gql(SET_KEYWORD_LISTS, { e: version, r: '试图修改', l: withKeyword(lists, 'finance', '虚拟货币') });
      expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect((await currentKeywordLists(regulator)).version).toBe(version);
  });

  it('makes a sysadmin’s added keyword version n+1 with author and reason, lists both versions in the history and keeps the former one readable', async () => {
    const before = await currentKeywordLists(sysadmin);
    const { data, errors } = await sysadmin.gql(SET_KEYWORD_LISTS, { e: before.version, r: '新型虚拟货币类非法集资 / virtual-currency schemes', l: withKeyword(before.lists, 'finance', '虚拟货币') });
    expect(errors).toBeUndefined();
    expect(data!.setKeywordLists).toMatchObject({ version: before.version + 1, source: 'DATABASE' });
    expect(data!.setKeywordLists.lists.find((l: { name: string }) => l.name === 'finance').keywords).toContain('虚拟货币');

    const history = await regulator.gql(HISTORY, { v: 'KEYWORD_LISTS' });
    expect(history.errors).toBeUndefined();
    const [latest, first] = history.data!.vocabularyHistory.nodes;
    expect(history.data!.vocabularyHistory.nodes).toHaveLength(2);
    expect(latest).toMatchObject({ vocabulary: 'KEYWORD_LISTS', version: before.version + 1, author: 'test-sysadmin', reason: '新型虚拟货币类非法集资 / virtual-currency schemes', changes: [{ op: 'ADDED', path: 'finance.keywords', value: '虚拟货币' }] });
    expect(Date.parse(latest.at)).toBeGreaterThan(Date.now() - 60_000);
    expect(first).toMatchObject({ version: before.version, changes: [] });

    // Paged: one a page, the cursor leading from the newest to the seed.
    const page1 = await regulator.gql(HISTORY, { v: 'KEYWORD_LISTS', first: 1 });
    expect(page1.data!.vocabularyHistory).toMatchObject({ nodes: [{ version: before.version + 1 }], pageInfo: { hasNextPage: true } });
    const page2 = await regulator.gql(HISTORY, { v: 'KEYWORD_LISTS', first: 1, after: page1.data!.vocabularyHistory.pageInfo.endCursor });
    expect(page2.data!.vocabularyHistory).toMatchObject({ nodes: [{ version: before.version }], pageInfo: { hasNextPage: false } });

    const former = await regulator.gql(KEYWORD_LISTS, { v: before.version });
    expect(former.errors).toBeUndefined();
    expect(former.data!.keywordLists.version).toBe(before.version);
    expect(former.data!.keywordLists.lists.find((l: { name: string }) => l.name === 'finance').keywords).not.toContain('虚拟货币');
    const missing = await regulator.gql(KEYWORD_LISTS, { v: 99 });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const [entry] = await parts.audit.list({ operation: 'setKeywordLists' });
    expect(entry).toMatchObject({ action: 'vocabulary', outcome: 'ok', actor: { name: 'test-sysadmin' } });
    expect(entry!.detail).toContain('+finance.keywords 虚拟货币');
  });

  it('refuses an edit made from a stale version with EDIT_CONFLICT, and lets only one of two simultaneous edits from one version through', async () => {
    const now = await currentKeywordLists(sysadmin);
    const stale = await sysadmin.gql(SET_KEYWORD_LISTS, { e: now.version - 1, r: '基于旧版本 / from an old version', l: withKeyword(now.lists, 'venues', '交易平台') });
    expect(stale.errors?.[0]?.extensions?.code).toBe('EDIT_CONFLICT');
    expect((await currentKeywordLists(sysadmin)).version).toBe(now.version);

    // Both read the same version before either writes: the one check-and-set write decides.
    const stored = (await readKeywordLists(graph)).lists;
    const outcomes = await Promise.allSettled(
      ['交易平台', '数字资产'].map((k, i) =>
        saveKeywordLists(graph, { expectedVersion: now.version, author: `admin-${i}`, reason: '同时修改 / at once', lists: stored.map((l) => (l.name === 'finance' ? { ...l, keywords: [...l.keywords, k] } : l)) }),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.find((o) => o.status === 'rejected')).toMatchObject({ reason: expect.any(VocabularyEditConflict) });
    expect((await currentKeywordLists(sysadmin)).version).toBe(now.version + 1);
  });

  it('refuses an invalid entry with BAD_INPUT naming the field', async () => {
    const now = await currentKeywordLists(sysadmin);
    const financeAt = now.lists.findIndex((l) => l.name === 'finance');
    const tooShort = await sysadmin.gql(SET_KEYWORD_LISTS, { e: now.version, r: '太短 / too short', l: withKeyword(now.lists, 'finance', '金') });
    expect(tooShort.errors?.[0]?.extensions?.code).toBe('BAD_INPUT');
    expect(tooShort.errors?.[0]?.extensions?.fields).toEqual([{ field: `lists.${financeAt}.keywords.${now.lists[financeAt]!.keywords.length}`, message: expect.stringContaining('2') }]);
    const repeated = await sysadmin.gql(SET_KEYWORD_LISTS, { e: now.version, r: '重复 / repeated', l: withKeyword(now.lists, 'finance', '理财') });
    expect(repeated.errors?.[0]?.extensions?.fields).toEqual([{ field: `lists.${financeAt}.keywords.${now.lists[financeAt]!.keywords.length}`, message: expect.stringContaining('理财') }]);
    const noReason = await sysadmin.gql(SET_KEYWORD_LISTS, { e: now.version, r: ' ', l: now.lists });
    expect(noReason.errors?.[0]?.extensions?.fields).toEqual([{ field: 'reason', message: expect.any(String) }]);

    const types = (await sysadmin.gql(LIST_TYPES)).data!.listTypes;
    const twice = types.types.map((t: { code: string; spellings: string[] }, i: number) => (i === 1 ? { ...t, spellings: [...t.spellings, '非法集资立案'] } : t));
    const clash = await sysadmin.gql(SET_LIST_TYPES, { e: types.version, r: '一种写法两种类型 / one spelling, two types', t: twice });
    expect(clash.errors?.[0]?.extensions?.code).toBe('BAD_INPUT');
    expect(clash.errors?.[0]?.extensions?.fields).toEqual([{ field: `types.1.spellings.${types.types[1].spellings.length}`, message: expect.stringContaining('ILLEGAL_FUNDRAISING_CASE') }]);
    const badCode = await sysadmin.gql(SET_LIST_TYPES, { e: types.version, r: '代码 / code', t: [{ ...types.types[0], code: 'bad code' }, ...types.types.slice(1)] });
    expect(badCode.errors?.[0]?.extensions?.fields).toEqual([{ field: 'types.0.code', message: expect.any(String) }]);
    expect((await sysadmin.gql(LIST_TYPES)).data!.listTypes.version).toBe(types.version);
  });

  it('names the keyword-list version in the report of a keyword screen run after the edit, which finds what the new keyword finds', async () => {
    const now = await currentKeywordLists(regulator);
    const { data, errors } = await regulator.gql(`{ runAnalysis(name: "keyword-screen", params: { lists: "finance" }) { keywordLists findings { subject { name } facts } } }`);
    expect(errors).toBeUndefined();
    expect(data!.runAnalysis.keywordLists).toEqual({ vocabularyVersion: now.version, vocabularySource: 'database' });
    const hit = data!.runAnalysis.findings.find((f: { subject: { name: string } }) => f.subject.name === '南京链通数字科技有限公司');
    expect(hit?.facts.keywords).toContain('虚拟货币');
  });

  it('has the next import recognise a list-type spelling a sysadmin added', async () => {
    const first = await importFiles({ graph, files: [path.join(fixtures, 'lists.csv')], reportDir, secret: TEST_KEY_SECRET });
    expect(first.listTypes.unknown.map((u) => u.spelling)).toEqual(['涉众型金融风险企业']);

    const types = (await sysadmin.gql(LIST_TYPES)).data!.listTypes;
    const mapped = types.types.map((t: { code: string; spellings: string[] }) => (t.code === 'TIP_OFF' ? { ...t, spellings: [...t.spellings, '涉众型金融风险企业'] } : t));
    const saved = await sysadmin.gql(SET_LIST_TYPES, { e: types.version, r: '金融局名单的写法 / the finance bureau’s spelling', t: mapped });
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.setListTypes.version).toBe(types.version + 1);

    const later = await importFiles({ graph, files: [path.join(fixtures, 'lists-later.csv')], reportDir, secret: TEST_KEY_SECRET });
    expect(later.listTypes).toMatchObject({ vocabularyVersion: types.version + 1, vocabularySource: 'database', unknown: [] });
    const history = await investigator.gql(HISTORY, { v: 'LIST_TYPES' });
    expect(history.data!.vocabularyHistory.nodes[0]).toMatchObject({ version: types.version + 1, author: 'test-sysadmin', changes: [{ op: 'ADDED', path: 'TIP_OFF.spellings', value: '涉众型金融风险企业' }] });
  });
});
