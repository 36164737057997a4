import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../cypher/run.ts';
import { createApi } from '../../server/yoga.ts';
import { loadFixtures } from '../support/fixtures.ts';
import { ensureTestUser, signedInClient, testServerParts, type ApiClient, type GqlResponse, type TestServerParts } from '../support/server.ts';

/**
 * Cases (专案) through the API, on the network fixture (tests/fixtures/analyses/paths/README.md):
 * an owner (investigator) shares a case with a colleague (regulator); a stranger (another
 * investigator) must not learn it exists. 测试径甲 (A) and 测试径乙 (B) are joined in 2 hops at
 * the shortest; 测试径孤 (C) is joined to nothing.
 */

const A = '91320100MA1TP0001N';
const B = '91320100MA1TP0002R';
const C = '91320100MA1TP00053';

let graph: Graph;
let audit: TestServerParts['audit'];
let owner: ApiClient;
let colleague: ApiClient;
let stranger: ApiClient;
/** 径人一, who holds 30% of A. */
let personKey: string;

const CASE = 'id title version updatedBy owner { name } sharedWith { name }';
const CANVAS = 'id version updatedBy content { nodes { key x y hidden label style } edges { id source target hidden } viewport { zoom x y } }';

function ok(result: GqlResponse): Record<string, any> {
  expect(result.errors).toBeUndefined();
  return result.data!;
}
const codeOf = (result: GqlResponse) => result.errors?.[0]?.extensions?.code;

async function createCase(title: string): Promise<string> {
  return ok(await owner.gql(`mutation($t: String!) { createCase(input: {title: $t}) { id } }`, { t: title })).createCase.id;
}
async function share(caseId: string, userName: string): Promise<GqlResponse> {
  return owner.gql(`mutation($id: ID!, $u: String!) { shareCase(id: $id, userName: $u) { ${CASE} } }`, { id: caseId, u: userName });
}
async function createCanvas(client: ApiClient, caseId: string, content: unknown): Promise<{ id: string; version: number; content: any }> {
  return ok(await client.gql(`mutation($c: ID!, $content: CanvasContentInput!) { createCaseCanvas(caseId: $c, title: "关系图", content: $content) { ${CANVAS} } }`, { c: caseId, content }))
    .createCaseCanvas;
}
const SAVE = `mutation($c: ID!, $v: ID!, $expected: Int!, $content: CanvasContentInput!) {
  saveCaseCanvas(caseId: $c, canvasId: $v, expectedVersion: $expected, content: $content) { ${CANVAS} }
}`;
const LOAD = `query($c: ID!, $v: ID!) { caseCanvas(caseId: $c, canvasId: $v) { ${CANVAS} } }`;

// A time limit no loaded test machine reaches: the answers compared must not differ by a cut search.
const RELATIONS = `query($parties: [String!]!) {
  relations(parties: $parties, k: 0, timeoutMs: 300000) { pairs { paths { length hops { from { key } to { key } relationship } } exhaustive limitsHit } }
}`;

beforeAll(async () => {
  graph = await loadFixtures(path.resolve('tests/fixtures/analyses/paths'), ['registrations', 'shareholders', 'officers']);
  const parts = testServerParts(graph);
  audit = parts.audit;
  const api = createApi(parts);
  const fetchApi = (url: string, init: RequestInit) => api.fetch(url, init);
  owner = await signedInClient(fetchApi, parts.accounts, 'investigator', { name: 'case-owner' });
  colleague = await signedInClient(fetchApi, parts.accounts, 'regulator', { name: 'case-colleague' });
  stranger = await signedInClient(fetchApi, parts.accounts, 'investigator', { name: 'case-stranger' });
  await ensureTestUser(parts.accounts, 'viewer', { name: 'case-viewer' });
  const { records } = await graph.driver.executeQuery("MATCH (p:Person {name: '径人一'}) RETURN p.key AS key");
  personKey = records[0]!.get('key');
});
afterAll(() => graph.close());

describe('cases (专案)', () => {
  it('refuses a stale canvas save with EDIT_CONFLICT naming who saved, and takes it after a reload', async () => {
    const caseId = await createCase('两人编辑');
    ok(await share(caseId, 'case-colleague'));
    const first = { nodes: [{ key: A, x: 0, y: 0 }], edges: [] };
    const canvas = await createCanvas(owner, caseId, first);
    expect(canvas.version).toBe(1);

    // Both load version 1.
    const seenByOwner = ok(await owner.gql(LOAD, { c: caseId, v: canvas.id })).caseCanvas;
    const seenByColleague = ok(await colleague.gql(LOAD, { c: caseId, v: canvas.id })).caseCanvas;
    expect([seenByOwner.version, seenByColleague.version]).toEqual([1, 1]);

    const ownersEdit = { nodes: [{ key: A, x: 10, y: 10 }, { key: B, x: 50, y: 0 }], edges: [] };
    const saved = ok(await owner.gql(SAVE, { c: caseId, v: canvas.id, expected: 1, content: ownersEdit })).saveCaseCanvas;
    expect(saved).toMatchObject({ version: 2, updatedBy: 'case-owner' });

    const colleaguesEdit = { nodes: [{ key: A, x: -5, y: 0, hidden: true }], edges: [] };
    const stale = await colleague.gql(SAVE, { c: caseId, v: canvas.id, expected: 1, content: colleaguesEdit });
    expect(codeOf(stale)).toBe('EDIT_CONFLICT');
    expect(stale.errors![0]!.extensions).toMatchObject({ currentVersion: 2, changedBy: 'case-owner', changedAt: expect.any(String) });
    expect(stale.errors![0]!.message).toContain('case-owner');
    // Nothing of the stale save was written.
    expect(ok(await owner.gql(LOAD, { c: caseId, v: canvas.id })).caseCanvas.content.nodes.map((n: { key: string }) => n.key)).toEqual([A, B]);

    // The audit trail records the refused save with the case and the code.
    const refusals = (await audit.list({ operation: 'saveCaseCanvas' })).filter((e) => e.actor.name === 'case-colleague' && e.outcome === 'failed');
    expect(refusals.map((e) => [e.action, e.detail])).toContainEqual(['case', `专案 / case ${caseId}: EDIT_CONFLICT`]);

    const reloaded = ok(await colleague.gql(LOAD, { c: caseId, v: canvas.id })).caseCanvas;
    expect(reloaded.version).toBe(2);
    const retried = ok(await colleague.gql(SAVE, { c: caseId, v: canvas.id, expected: reloaded.version, content: colleaguesEdit })).saveCaseCanvas;
    expect(retried).toMatchObject({ version: 3, updatedBy: 'case-colleague' });
    expect(retried.content.nodes).toEqual([{ key: A, x: -5, y: 0, hidden: true, label: null, style: null }]);
  });

  it('lets exactly one of two simultaneous saves over the same version through (check and write in one locked Cypher write)', async () => {
    const caseId = await createCase('同时保存');
    ok(await share(caseId, 'case-colleague'));
    const canvas = await createCanvas(owner, caseId, { nodes: [{ key: A, x: 0, y: 0 }], edges: [] });
    const saves = await Promise.all(
      [owner, colleague, owner, colleague].map((client, i) => client.gql(SAVE, { c: caseId, v: canvas.id, expected: 1, content: { nodes: [{ key: A, x: i, y: i }], edges: [] } })),
    );
    expect(saves.filter((s) => !s.errors).length).toBe(1);
    expect(saves.filter((s) => codeOf(s) === 'EDIT_CONFLICT').length).toBe(3);
    expect(ok(await owner.gql(LOAD, { c: caseId, v: canvas.id })).caseCanvas.version).toBe(2);
  });

  it('refuses a stale change of a case’s title the same way', async () => {
    const caseId = await createCase('原标题');
    ok(await share(caseId, 'case-colleague'));
    const UPDATE = 'mutation($id: ID!, $v: Int!, $t: String!) { updateCase(id: $id, expectedVersion: $v, changes: {title: $t}) { version title updatedBy } }';
    expect(ok(await owner.gql(UPDATE, { id: caseId, v: 1, t: '甲改' })).updateCase).toEqual({ version: 2, title: '甲改', updatedBy: 'case-owner' });
    const stale = await colleague.gql(UPDATE, { id: caseId, v: 1, t: '乙改' });
    expect(codeOf(stale)).toBe('EDIT_CONFLICT');
    expect(stale.errors![0]!.extensions).toMatchObject({ currentVersion: 2, changedBy: 'case-owner' });
  });

  it('shows a case to its owner and those it is shared with only; anyone else, and a removed colleague, gets NOT_FOUND', async () => {
    const caseId = await createCase('共享测试');
    const canvas = await createCanvas(owner, caseId, { nodes: [], edges: [] });
    const READ = `query($id: ID!) { case(id: $id) { ${CASE} } }`;

    expect(codeOf(await colleague.gql(READ, { id: caseId }))).toBe('NOT_FOUND');
    const shared = ok(await share(caseId, 'case-colleague')).shareCase;
    expect(shared.sharedWith).toEqual([{ name: 'case-colleague' }]);
    expect(ok(await colleague.gql(READ, { id: caseId })).case).toMatchObject({ id: caseId, owner: { name: 'case-owner' } });
    expect(ok(await colleague.gql('{ cases(first: 100) { nodes { id } } }')).cases.nodes.map((c: { id: string }) => c.id)).toContain(caseId);
    ok(await colleague.gql('mutation($c: ID!) { addCaseNote(caseId: $c, text: "同事的笔记") { id } }', { c: caseId }));

    // A colleague works in the case but does not share, unshare or delete it: as if it were not there.
    expect(codeOf(await colleague.gql('mutation($id: ID!) { shareCase(id: $id, userName: "case-stranger") { id } }', { id: caseId }))).toBe('NOT_FOUND');
    expect(codeOf(await colleague.gql('mutation($id: ID!) { deleteCase(id: $id) }', { id: caseId }))).toBe('NOT_FOUND');

    // The stranger learns nothing: every door answers as for a case that never was.
    const none = '00000000-0000-4000-8000-000000000000';
    for (const id of [caseId, none]) {
      expect(codeOf(await stranger.gql(READ, { id }))).toBe('NOT_FOUND');
      expect(codeOf(await stranger.gql(LOAD, { c: id, v: canvas.id }))).toBe('NOT_FOUND');
      expect(codeOf(await stranger.gql('mutation($c: ID!) { addCaseNote(caseId: $c, text: "x") { id } }', { c: id }))).toBe('NOT_FOUND');
      expect(codeOf(await stranger.gql(SAVE, { c: id, v: canvas.id, expected: 1, content: { nodes: [], edges: [] } }))).toBe('NOT_FOUND');
    }
    expect(ok(await stranger.gql('{ cases(first: 100) { nodes { id } } }')).cases.nodes.map((c: { id: string }) => c.id)).not.toContain(caseId);

    // Only investigators and regulators hold cases.
    const toViewer = await share(caseId, 'case-viewer');
    expect(codeOf(toViewer)).toBe('BAD_INPUT');
    expect(toViewer.errors![0]!.extensions).toMatchObject({ reason: 'USER_NOT_ELIGIBLE', fields: [{ field: 'userName' }] });

    ok(await owner.gql('mutation($id: ID!) { unshareCase(id: $id, userName: "case-colleague") { id } }', { id: caseId }));
    expect(codeOf(await colleague.gql(READ, { id: caseId }))).toBe('NOT_FOUND');
    expect(codeOf(await colleague.gql(LOAD, { c: caseId, v: canvas.id }))).toBe('NOT_FOUND');

    ok(await owner.gql('mutation($id: ID!) { deleteCase(id: $id) }', { id: caseId }));
    expect(codeOf(await owner.gql(READ, { id: caseId }))).toBe('NOT_FOUND');
  });

  it('reads a merged person’s key on a canvas back as the surviving key, whether merged before saving or after', async () => {
    const caseId = await createCase('合并人员');
    // Before saving: the key handed out for the mention merged away is already an alias.
    await graph.driver.executeQuery("MATCH (p:Person {key: $k}) CREATE (:KeyAlias {key: 'P-TESTMERGEDBEFORE'})-[:ALIAS_OF]->(p)", { k: personKey });
    const content = {
      nodes: [
        { key: 'P-TESTMERGEDBEFORE', x: 0, y: 0, style: { color: '#c00' } },
        { key: 'P-TESTMERGEDAFTER', x: 5, y: 5 },
        { key: A, x: 100, y: 0 },
      ],
      edges: [
        { id: `HOLDS_SHARES:P-TESTMERGEDBEFORE->${A}`, source: 'P-TESTMERGEDBEFORE', target: A },
        { id: `OFFICER_OF:P-TESTMERGEDAFTER->${A}#监事`, source: 'P-TESTMERGEDAFTER', target: A },
      ],
    };
    const canvas = await createCanvas(owner, caseId, content);
    expect(canvas.content.nodes.map((n: { key: string }) => n.key)).toEqual([personKey, 'P-TESTMERGEDAFTER', A]);
    expect(canvas.content.nodes[0].style).toEqual({ color: '#c00' });
    expect(canvas.content.edges[0]).toMatchObject({ id: `HOLDS_SHARES:${personKey}->${A}`, source: personKey, target: A });

    // After saving: the other key is merged into the same person; the canvas reads with the survivor, drawn once.
    await graph.driver.executeQuery("MATCH (p:Person {key: $k}) CREATE (:KeyAlias {key: 'P-TESTMERGEDAFTER'})-[:ALIAS_OF]->(p)", { k: personKey });
    const read = ok(await owner.gql(LOAD, { c: caseId, v: canvas.id })).caseCanvas.content;
    expect(read.nodes.map((n: { key: string }) => n.key)).toEqual([personKey, A]);
    expect(read.edges.map((e: { id: string }) => e.id)).toEqual([`HOLDS_SHARES:${personKey}->${A}`, `OFFICER_OF:${personKey}->${A}#监事`]);
  });

  it('keeps hand-entered relations out of the relations() analysis: its answer is the same with them, and lists them beside it only when asked with the case', async () => {
    const before = ok(await owner.gql(RELATIONS, { parties: [A, C] })).relations;
    const beforeAB = ok(await owner.gql(RELATIONS, { parties: [A, B] })).relations;
    expect(before.pairs[0].paths).toEqual([]);
    expect(beforeAB.pairs[0].paths[0].length).toBe(2);

    const caseId = await createCase('人工关系');
    const ADD = `mutation($c: ID!, $r: CaseRelationInput!) {
      addCaseRelation(caseId: $c, relation: $r) { id fromKey toKey kind label informant document grade author sourceReliability informationAssessment }
    }`;
    const added = ok(
      await owner.gql(ADD, {
        c: caseId,
        r: { from: A, to: C, kind: 'FUNDS', text: '借款', informant: '证人张某', document: '询问笔录 2026-11-02', sourceReliability: 'B', informationAssessment: 'KNOWN_TO_SOURCE' },
      }),
    ).addCaseRelation;
    expect(added).toMatchObject({ fromKey: A, toKey: C, label: '资金往来（借款）', grade: 'B2', author: 'case-owner', informationAssessment: 'KNOWN_TO_SOURCE' });
    ok(await owner.gql(ADD, { c: caseId, r: { from: A, to: B, kind: 'ACTUAL_CONTROL', document: '银行流水', sourceReliability: 'X', informationAssessment: 'UNCORROBORATED' } }));

    // A direct A–C or A–B relation would be a 1-hop shortest path if any analysis walked it.
    expect(ok(await owner.gql(RELATIONS, { parties: [A, C] })).relations).toEqual(before);
    expect(ok(await owner.gql(RELATIONS, { parties: [A, B] })).relations).toEqual(beforeAB);

    // Asked for with the case, they are listed beside the answer, which stays the same.
    const WITH_CASE = `query($parties: [String!]!, $caseId: ID) {
      relations(parties: $parties, k: 0, timeoutMs: 300000, caseId: $caseId) { pairs { paths { length } } caseRelations { fromKey toKey label grade } }
    }`;
    const withCase = ok(await owner.gql(WITH_CASE, { parties: [A, C], caseId })).relations;
    expect(withCase.pairs[0].paths).toEqual([]);
    expect(withCase.caseRelations).toEqual([{ fromKey: A, toKey: C, label: '资金往来（借款）', grade: 'B2' }, expect.objectContaining({ fromKey: A, toKey: B, grade: 'X4' })]);
    expect(ok(await owner.gql(WITH_CASE, { parties: [A, C] })).relations.caseRelations).toBeNull();
    expect(codeOf(await stranger.gql(WITH_CASE, { parties: [A, C], caseId }))).toBe('NOT_FOUND');

    const listed = ok(await owner.gql(`query($c: ID!) { case(id: $c) { relations(keys: ["${C}"]) { nodes { fromKey toKey grade } } } }`, { c: caseId })).case.relations.nodes;
    expect(listed).toEqual([{ fromKey: A, toKey: C, grade: 'B2' }]);

    // A source is required, and a key must name a firm or person of the graph.
    const noSource = await owner.gql(ADD, { c: caseId, r: { from: A, to: C, kind: 'FAMILY', sourceReliability: 'A', informationAssessment: 'KNOWN_TRUE' } });
    expect(noSource.errors![0]!.extensions).toMatchObject({ code: 'BAD_INPUT', fields: [{ field: 'relation.informant' }] });
    const unknown = await owner.gql(ADD, { c: caseId, r: { from: A, to: 'P-NOSUCHPERSON', kind: 'FAMILY', informant: '证人', sourceReliability: 'A', informationAssessment: 'KNOWN_TRUE' } });
    expect(unknown.errors![0]!.extensions).toMatchObject({ code: 'BAD_INPUT', reason: 'PARTY_NOT_FOUND', fields: [{ field: 'relation.to' }] });
  });

  it('pages a case’s notes newest first with cursors, and refuses a forged cursor', async () => {
    const caseId = await createCase('笔记分页');
    for (const text of ['一', '二', '三', '四', '五']) ok(await owner.gql('mutation($c: ID!, $t: String!) { addCaseNote(caseId: $c, text: $t) { id } }', { c: caseId, t: text }));
    const NOTES = 'query($c: ID!, $after: String) { case(id: $c) { notes(first: 2, after: $after) { nodes { text author createdAt } pageInfo { hasNextPage endCursor } } } }';
    const texts: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: { nodes: { text: string; author: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } = ok(await owner.gql(NOTES, { c: caseId, after })).case.notes;
      pages += 1;
      expect(page.nodes.every((n) => n.author === 'case-owner')).toBe(true);
      texts.push(...page.nodes.map((n) => n.text));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(3);
    expect(texts).toEqual(['五', '四', '三', '二', '一']);
    const forged = await owner.gql(NOTES, { c: caseId, after: 'bm90LWEtY3Vyc29y' });
    expect(forged.errors![0]!.extensions).toMatchObject({ code: 'BAD_INPUT', fields: [{ field: 'after' }] });
  });

  it('links a report run to a case with the saved query it belongs to, so the case opens it; a run the store lacks is linked without one', async () => {
    const caseId = await createCase('报告关联');
    ok(await share(caseId, 'case-colleague'));
    const queryId = ok(await owner.gql('mutation { saveQuery(input: {title: "关联测试", analysis: "flagged-controllers"}) { id } }')).saveQuery.id;
    const runId = ok(await owner.gql('mutation($id: ID!) { runSavedQuery(id: $id) { id } }', { id: queryId })).runSavedQuery.id;
    const LINK = 'mutation($c: ID!, $r: ID!, $t: String!) { linkCaseReportRun(caseId: $c, runId: $r, title: $t) { runId queryId title } }';
    expect(ok(await owner.gql(LINK, { c: caseId, r: runId, t: '关联测试 · 第 1 次' })).linkCaseReportRun).toEqual({ runId, queryId, title: '关联测试 · 第 1 次' });
    expect(ok(await owner.gql(LINK, { c: caseId, r: 'no-such-run', t: '外来运行' })).linkCaseReportRun.queryId).toBeNull();
    const RUNS = 'query($c: ID!) { case(id: $c) { reportRuns(first: 10) { nodes { runId queryId title linkedBy } } } }';
    const listed = ok(await colleague.gql(RUNS, { c: caseId })).case.reportRuns.nodes;
    expect(listed).toEqual(
      expect.arrayContaining([
        { runId, queryId, title: '关联测试 · 第 1 次', linkedBy: 'case-owner' },
        { runId: 'no-such-run', queryId: null, title: '外来运行', linkedBy: 'case-owner' },
      ]),
    );
    expect(codeOf(await stranger.gql(LINK, { c: caseId, r: runId, t: '闯入' }))).toBe('NOT_FOUND');
  });
});
