import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../cypher/run.ts';
import { importFiles } from '../../importers/importFiles.ts';
import { createApi } from '../../server/yoga.ts';
import { freshGraph, TEST_KEY_SECRET } from '../support/graph.ts';
import { signedInClient, testServerParts, type ApiClient } from '../support/server.ts';

const fixtures = path.resolve('tests/fixtures/importers');
let graph: Graph;
let api: ReturnType<typeof createApi>;

let client: ApiClient;

/** As a signed-in investigator: what the API answers depends on who asks. */
function gql(query: string, variables: Record<string, unknown> = {}) {
  return client.gql(query, variables);
}

beforeAll(async () => {
  graph = await freshGraph();
  const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-api-'));
  await importFiles({ graph, files: [path.join(fixtures, 'registrations.csv'), path.join(fixtures, 'shareholders.csv')], reportDir, secret: TEST_KEY_SECRET });
  const parts = testServerParts(graph);
  api = createApi(parts);
  client = await signedInClient((url, init) => api.fetch(url, init), parts.accounts, 'investigator');
});
afterAll(() => graph.close());

describe('GraphQL API', () => {
  it('search finds firms by a fragment of their Chinese name through the full-text index', async () => {
    const { data } = await gql(`{ search(text: "投资管理") { nodes { entity { kind key name identifier status } matchedOn } } }`);
    expect(data!.search.nodes).toEqual([
      { entity: { kind: 'COMPANY', key: '91320106MA1X000202', name: '南京乙投资管理有限公司', identifier: '91320106MA1X000202', status: '吊销' }, matchedOn: 'NAME' },
    ]);
  });

  it('search finds a firm by its former name and by its exact USCC, the exact code first', async () => {
    const byFormer = await gql(`{ search(text: "乙咨询") { nodes { entity { key } } } }`);
    expect(byFormer.data!.search.nodes.map((r: { entity: { key: string } }) => r.entity.key)).toEqual(['91320106MA1X000202']);
    const byCode = await gql(`{ search(text: "91320102MA1X000309") { nodes { entity { key name } } } }`);
    expect(byCode.data!.search.nodes[0].entity).toEqual({ key: '91320102MA1X000309', name: '丙财富管理（南京）有限公司' });
  });

  it('search treats Lucene syntax in user text as plain text', async () => {
    const { data, errors } = await gql(`query($t: String!) { search(text: $t) { nodes { entity { key } } } }`, { t: '南京" OR name:* AND (' });
    expect(errors).toBeUndefined();
    expect(data!.search.nodes).toEqual([]);
  });

  it('persons are shown with a masked ID number only', async () => {
    const { data } = await gql(`{ search(text: "张三") { nodes { entity { kind key identifier } } } }`);
    expect(data!.search.nodes).toHaveLength(1);
    expect(data!.search.nodes[0].entity.identifier).toBe('3201**********1233');
    expect(data!.search.nodes[0].entity.key).toMatch(/^P-/);
  });

  it('company returns registration facts, legal representative, shareholders and holdings', async () => {
    const { data } = await gql(`{ company(key: "91320106MA1X000202") {
      name status formerNames establishedOn registeredCapital { amountWan currency text } regionCode regionName keyUnverified
      legalRepresentative { name identifier }
      shareholders { holder { kind name } ratio subscribedAmount { amountWan } }
      holdings { holder { name } ratio } } }`);
    expect(data!.company).toEqual({
      name: '南京乙投资管理有限公司',
      status: '吊销',
      formerNames: ['南京乙咨询有限公司'],
      establishedOn: '2016-04-05',
      registeredCapital: { amountWan: 500, currency: 'USD', text: '500万美元' },
      regionCode: '320106',
      regionName: '江苏省南京市鼓楼区',
      keyUnverified: false,
      legalRepresentative: { name: '李四', identifier: '3201**********1234' },
      shareholders: [
        { holder: { kind: 'COMPANY', name: '南京甲控股有限公司' }, ratio: 0.6, subscribedAmount: { amountWan: 600 } },
        { holder: { kind: 'PERSON', name: '王五' }, ratio: 0.4, subscribedAmount: { amountWan: 400 } },
      ],
      holdings: [{ holder: { name: '丙财富管理（南京）有限公司' }, ratio: 0.7 }],
    });
  });

  it('says whether a firm has ended (吊销 or 注销) from the one definition in model/, in search, company and network alike', async () => {
    const search = await gql(`{ search(text: "投资管理") { nodes { entity { status inactive } } } }`);
    expect(search.data!.search.nodes).toEqual([{ entity: { status: '吊销', inactive: true } }]);
    const company = await gql(`{ company(key: "91320106MA1X000202") { inactive shareholders { holder { kind inactive } } holdings { holder { status inactive } } } }`);
    expect(company.data!.company.inactive).toBe(true);
    expect(company.data!.company.shareholders.map((s: { holder: { inactive: boolean } }) => s.holder.inactive)).toEqual([false, false]);
    const { data } = await gql(`{ neighborhood(key: "91320102MA1X000309", depth: 1) { nodes { id status inactive } } }`);
    const nodes = data!.neighborhood.nodes as { id: string; status: string | null; inactive: boolean }[];
    expect(nodes.find((n) => n.id === '91320106MA1X000202')).toEqual({ id: '91320106MA1X000202', status: '吊销', inactive: true });
    expect(nodes.filter((n) => n.inactive).map((n) => n.id)).toEqual(['91320106MA1X000202']);
  });

  it('company answers null for an unknown key', async () => {
    const { data } = await gql(`{ company(key: "91000000000000000X") { name } }`);
    expect(data!.company).toBeNull();
  });

  it('neighborhood returns the network by domain keys with holding ratios on the edges', async () => {
    const { data } = await gql(`{ neighborhood(key: "91320102MA1X000309", depth: 2) { nodes { id kind label center } edges { id type source target ratio } exhaustive limitsHit } }`);
    const n = data!.neighborhood;
    expect(n.exhaustive).toBe(true);
    expect(n.nodes.map((x: { label: string }) => x.label).sort()).toEqual(['丙财富管理（南京）有限公司', '南京乙投资管理有限公司', '南京甲控股有限公司', '张三', '李四', '王五'].sort());
    expect(n.nodes.find((x: { center: boolean }) => x.center).id).toBe('91320102MA1X000309');
    expect(n.edges).toContainEqual({
      id: 'HOLDS_SHARES:91320106MA1X000202->91320102MA1X000309',
      type: 'HOLDS_SHARES',
      source: '91320106MA1X000202',
      target: '91320102MA1X000309',
      ratio: 0.7,
    });
  });

  it('neighborhood of an unknown key is a NOT_FOUND error with a message saying what to do', async () => {
    const { errors } = await gql(`{ neighborhood(key: "nope") { exhaustive } }`);
    expect(errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect(errors![0]!.message).toContain('未找到');
  });

  it('rejects out-of-range arguments with BAD_INPUT', async () => {
    const { errors } = await gql(`{ neighborhood(key: "91320102MA1X000309", depth: 9) { exhaustive } }`);
    expect(errors![0]!.extensions!.code).toBe('BAD_INPUT');
  });

  it('refuses a query with more aliases than the limit allows', async () => {
    const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: search(text: "南京") { nodes { entity { key } } }`).join(' ');
    const { data, errors } = await gql(`{ ${aliases} }`);
    expect(data).toBeUndefined();
    expect(errors![0]!.message).toMatch(/aliases/i);
  });
});
