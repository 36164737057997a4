import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../cypher/run.ts';
import { importFiles } from '../../importers/importFiles.ts';
import { encodeCursor } from '../../server/pagination.ts';
import { createApi } from '../../server/yoga.ts';
import { freshGraph, TEST_KEY_SECRET } from '../support/graph.ts';
import { signedInClient, testServerParts, type ApiClient } from '../support/server.ts';

/**
 * Search finds a firm or a person by whatever the user has — name, former name, traditional
 * characters, pinyin, USCC, phone, address, case number — says what matched, tells two people of
 * one name apart, and pages with cursors (tests/fixtures/search/README.md).
 */

const fixtures = path.resolve('tests/fixtures/search');
const XINGHE = '南京兴和投资管理有限公司';
const XINGHE_USCC = '91320106MA00003013';
const HENGDA = '苏州恒达贸易有限公司';
const XINGWANG = '南京兴旺物流有限公司';

interface Hit {
  entity: { kind: string; key: string; name: string; identifier: string | null; idNumber: string | null };
  matchedOn: string;
  matchedText: string;
  firms: { key: string; name: string }[];
}
interface Page {
  nodes: Hit[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const SEARCH = `query($text: String!, $kinds: [EntityKind!], $first: Int, $after: String) {
  search(text: $text, kinds: $kinds, first: $first, after: $after) {
    nodes { entity { kind key name identifier idNumber } matchedOn matchedText firms { key name } }
    pageInfo { hasNextPage endCursor }
  }
}`;

let graph: Graph;
let investigator: ApiClient;
let reportDir: string;

async function search(text: string, args: { kinds?: string[]; first?: number; after?: string } = {}): Promise<Page> {
  const { data, errors } = await investigator.gql(SEARCH, { text, ...args });
  expect(errors).toBeUndefined();
  return data!.search as Page;
}

/** The firm's hit, or undefined. */
const hitOn = (page: Page, name: string) => page.nodes.find((h) => h.entity.name === name);

beforeAll(async () => {
  graph = await freshGraph();
  reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-search-'));
  const files = ['registrations', 'officers', 'lists'].map((f) => path.join(fixtures, `${f}.csv`));
  await importFiles({ graph, files, reportDir, secret: TEST_KEY_SECRET });
  const parts = testServerParts(graph);
  const api = createApi(parts);
  investigator = await signedInClient((url, init) => api.fetch(url, init), parts.accounts, 'investigator');
});

afterAll(async () => {
  await graph.close();
  fs.rmSync(reportDir, { recursive: true, force: true });
});

describe('search by name', () => {
  it('finds the simplified name from traditional characters (南京興和 → 南京兴和…), and not a firm that shares only 兴和', async () => {
    const page = await search('南京興和');
    expect(page.nodes.map((h) => h.entity.name)).toEqual([XINGHE]);
    expect(page.nodes[0]).toMatchObject({ matchedOn: 'NAME', matchedText: XINGHE, firms: [] });
  });

  it('finds a firm by its former name and says which former name matched', async () => {
    const hit = hitOn(await search('兴和咨询'), XINGHE);
    expect(hit).toMatchObject({ matchedOn: 'FORMER_NAME', matchedText: '南京兴和咨询有限公司' });
  });
});

describe('search by pinyin', () => {
  it('finds 南京兴和… by its full pinyin, with or without spaces', async () => {
    for (const text of ['nanjingxinghe', 'Nan Jing Xing He']) {
      const page = await search(text);
      expect(page.nodes.map((h) => h.entity.name), text).toEqual([XINGHE]);
      expect(page.nodes[0]).toMatchObject({ matchedOn: 'PINYIN', matchedText: XINGHE });
    }
  });

  it('finds 南京兴和… by its initials, and a former name by its own (njxhzx → 南京兴和咨询有限公司)', async () => {
    const page = await search('njxh');
    expect(page.nodes.map((h) => h.entity.name)).toEqual([XINGHE]);
    expect(page.nodes[0]).toMatchObject({ matchedOn: 'PINYIN', matchedText: XINGHE });
    expect((await search('njxhzx')).nodes).toMatchObject([{ entity: { name: XINGHE }, matchedOn: 'PINYIN', matchedText: '南京兴和咨询有限公司' }]);
  });

  it('finds persons by pinyin too (wangwei: both 王伟)', async () => {
    const page = await search('wangwei', { kinds: ['PERSON'] });
    expect(page.nodes.map((h) => [h.entity.name, h.matchedOn])).toEqual([
      ['王伟', 'PINYIN'],
      ['王伟', 'PINYIN'],
    ]);
  });
});

describe('search by identifier, phone, address and case number', () => {
  it('finds a firm by its USCC, typed in lower case with spaces', async () => {
    const page = await search(' 91320106ma0000 3013 ');
    expect(page.nodes[0]).toMatchObject({ entity: { name: XINGHE }, matchedOn: 'IDENTIFIER', matchedText: XINGHE_USCC });
  });

  it('finds a firm by its phone, written another way than it was imported', async () => {
    const page = await search('025 8333 1234');
    expect(page.nodes.map((h) => [h.entity.name, h.matchedOn, h.matchedText])).toEqual([[XINGHE, 'PHONE', '025-83331234']]);
  });

  it('finds a firm by part of its address', async () => {
    const page = await search('中山北路88号');
    expect(page.nodes.map((h) => [h.entity.name, h.matchedOn, h.matchedText])).toEqual([[XINGHE, 'ADDRESS', '南京市鼓楼区中山北路88号']]);
  });

  it('finds a flagged firm by its case number, whole or in part', async () => {
    for (const text of ['宁公经立字〔2024〕031号', '〔2024〕031号']) {
      const page = await search(text);
      expect(page.nodes.map((h) => [h.entity.name, h.matchedOn, h.matchedText]), text).toEqual([[XINGWANG, 'CASE_NUMBER', '宁公经立字〔2024〕031号']]);
    }
  });
});

describe('two persons of one name', () => {
  it('come back as two hits, each with its own firm and masked ID number', async () => {
    const page = await search('王伟', { kinds: ['PERSON'] });
    expect(page.nodes).toHaveLength(2);
    const [a, b] = page.nodes as [Hit, Hit];
    expect(a.entity.key).not.toBe(b.entity.key);
    const seen = page.nodes.map((h) => ({ firms: h.firms.map((f) => f.name), identifier: h.entity.identifier, idNumber: h.entity.idNumber }));
    expect(seen).toEqual(
      expect.arrayContaining([
        { firms: [XINGHE], identifier: '3201**********1233', idNumber: '3201**********1233' },
        { firms: [HENGDA], identifier: '3205**********4564', idNumber: '3205**********4564' },
      ]),
    );
  });

  it('keeps to the kinds asked for: firms only leaves the persons out', async () => {
    const firms = await search('王伟', { kinds: ['COMPANY'] });
    expect(firms.nodes).toEqual([]);
  });
});

describe('paging', () => {
  it('walks every hit with first: 2, each once, in the order of one long page', async () => {
    // The fixture's four firms: two full pages.
    const all = await search('有限公司', { first: 100 });
    expect(all.nodes).toHaveLength(4);
    expect(all.pageInfo.hasNextPage).toBe(false);
    const walked: string[] = [];
    let after: string | undefined;
    for (let pages = 0; pages < 20; pages++) {
      const page = await search('有限公司', { first: 2, ...(after ? { after } : {}) });
      expect(page.nodes.length).toBeLessThanOrEqual(2);
      walked.push(...page.nodes.map((h) => h.entity.key));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor!;
    }
    expect(walked).toEqual(all.nodes.map((h) => h.entity.key));
    expect(new Set(walked).size).toBe(walked.length);
  });

  it('refuses a forged cursor as BAD_INPUT on `after`', async () => {
    for (const after of ['not-a-cursor', encodeCursor({ key: XINGHE }), encodeCursor({ offset: -1 })]) {
      const { data, errors } = await investigator.gql(SEARCH, { text: '南京', after });
      expect(data?.search ?? null).toBeNull();
      expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_INPUT', fields: [{ field: 'after' }] });
    }
  });
});
