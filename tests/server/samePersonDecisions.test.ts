import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../cypher/run.ts';
import { importFiles } from '../../importers/importFiles.ts';
import { usccCheckChar } from '../../model/identifiers/uscc.ts';
import { createApi } from '../../server/yoga.ts';
import { freshGraph, TEST_KEY_SECRET } from '../support/graph.ts';
import { signedInClient, testServerParts, type ApiClient, type TestServerParts } from '../support/server.ts';

/**
 * "Possibly the same person" links through the API: listed with what tells the two apart, decided
 * by an investigator with a reason, the decision kept on the link and recorded in the audit trail.
 */

const uscc = (n: number) => {
  const first17 = `91320106MA${String(n).padStart(7, '0')}`;
  return first17 + usccCheckChar(first17)!;
};

let graph: Graph;
let parts: TestServerParts;
let investigator: ApiClient;
let dir: string;
let li: string[];

const LINKS = `query($p: ID!) { samePersonLinks(person: $p) { person other { key name identifier } otherFirms { name } status reasons decidedBy decidedOn decisionReason } }`;
const DECIDE = `mutation($p: ID!, $o: ID!, $d: SamePersonDecision!, $r: String!) { decideSamePerson(person: $p, other: $o, decision: $d, reason: $r) { status decidedBy decisionReason } }`;

beforeAll(async () => {
  graph = await freshGraph();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-same-'));
  // 李娜 twice at one small address: an import proposes them as possibly one person.
  const file = path.join(dir, 'registrations.csv');
  fs.writeFileSync(
    file,
    ['统一社会信用代码,企业名称,法定代表人,住所', `${uscc(201)},南京甲商贸有限公司,李娜,南京市玄武区珠江路9号`, `${uscc(202)},南京乙商贸有限公司,李娜,南京市玄武区珠江路9号`].join('\n') + '\n',
  );
  await importFiles({ graph, files: [file], reportDir: dir, secret: TEST_KEY_SECRET });
  parts = testServerParts(graph);
  const api = createApi(parts);
  investigator = await signedInClient((url, init) => api.fetch(url, init), parts.accounts, 'investigator');
  const found = await investigator.gql('{ search(text: "李娜", kinds: [PERSON]) { nodes { entity { key } } } }');
  li = found.data!.search.nodes.map((r: { entity: { key: string } }) => r.entity.key);
});
afterAll(async () => {
  await graph.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('possibly the same person', () => {
  it('lists a proposed link with the other person’s firms to tell them apart', async () => {
    expect(li).toHaveLength(2);
    const { data, errors } = await investigator.gql(LINKS, { p: li[0] });
    expect(errors).toBeUndefined();
    expect(data!.samePersonLinks).toHaveLength(1);
    const link = data!.samePersonLinks[0];
    expect(link).toMatchObject({ person: li[0], other: { key: li[1], name: '李娜' }, status: 'PROPOSED', reasons: expect.arrayContaining(['shared-address-or-phone']), decidedBy: null });
    expect(link.otherFirms.map((f: { name: string }) => f.name)).toHaveLength(1);
  });

  it('refuses a decision without a reason, and leaves the link undecided', async () => {
    const refused = await investigator.gql(DECIDE, { p: li[0], o: li[1], d: 'CONFIRMED', r: ' ' });
    expect(refused.errors![0]!.extensions!.code).toBe('BAD_INPUT');
    expect((await investigator.gql(LINKS, { p: li[0] })).data!.samePersonLinks[0].status).toBe('PROPOSED');
  });

  it('keeps an investigator’s decision with who and why, and records it in the audit trail', async () => {
    const reason = '（2026）苏公经立字第21号：同一手机号登记';
    const { data, errors } = await investigator.gql(DECIDE, { p: li[1], o: li[0], d: 'CONFIRMED', r: reason });
    expect(errors).toBeUndefined();
    expect(data!.decideSamePerson).toEqual([{ status: 'CONFIRMED', decidedBy: 'test-investigator', decisionReason: reason }]);
    const seen = (await investigator.gql(LINKS, { p: li[0] })).data!.samePersonLinks[0];
    expect(seen.decidedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const [entry] = await parts.audit.list({ action: 'personLink' }, { limit: 1 });
    expect(entry).toMatchObject({ operation: 'decideSamePerson', outcome: 'ok', actor: { name: 'test-investigator' }, params: { decideSamePerson: { reason, decision: 'CONFIRMED' } } });
    expect(entry!.detail).toContain(reason);
  });

  it('answers NOT_FOUND for two persons without a link between them', async () => {
    const result = await investigator.gql(DECIDE, { p: li[0], o: 'P-nobody', d: 'REJECTED', r: '两人证件号码不同' });
    expect(result.errors![0]!.extensions!.code).toBe('NOT_FOUND');
  });
});
