import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Accounts } from '../../accounts/accounts.ts';
import type { Graph } from '../../cypher/run.ts';
import { reportDocument } from '../../exporters/document.ts';
import { canonicalJson, contentHash, type Reader, type ReportSettings, type Runner } from '../../reports/canonical.ts';
import { ReportError } from '../../reports/errors.ts';
import { scheduleOf } from '../../reports/schedule.ts';
import { setSchedule } from '../../reports/watches.ts';
import { listReportRuns, openReportRun, previousReportRun, runAdHocReport, runSavedQuery } from '../../reports/runs.ts';
import { createSavedQuery, deleteSavedQuery, getSavedQuery, listSavedQueries, shareSavedQuery, updateSavedQuery } from '../../reports/savedQueries.ts';
import { loadFixtures } from '../support/fixtures.ts';
import { TEST_SETTINGS } from '../support/graph.ts';
import { ensureTestUser } from '../support/server.ts';

/**
 * Saved queries and report runs (reports/) against the real Neo4j, on the flagged-controllers
 * fixture (tests/fixtures/analyses/flagged/README.md): 甲控 is behind three flagged firms through
 * his 80% of 控股甲. An investigator owns the queries; a regulator is shared them by role, a viewer
 * by name; another investigator and another viewer must not learn they exist.
 */

const fixtures = path.resolve('tests/fixtures/analyses/flagged');
const settings: ReportSettings = { ...TEST_SETTINGS, office: '测试市公安局经侦支队' };

let graph: Graph;
const owner: Runner = { name: 'rq-owner', role: 'investigator', via: 'web' };
const regulator: Runner = { name: 'rq-regulator', role: 'regulator', via: 'web' };
const viewer: Reader = { name: 'rq-viewer', role: 'viewer' };
const otherViewer: Reader = { name: 'rq-viewer-2', role: 'viewer' };
const stranger: Runner = { name: 'rq-stranger', role: 'investigator', via: 'web' };
const sysadmin: Reader = { name: 'rq-admin', role: 'sysadmin' };

/** The report error code a call is refused with, and the error itself. */
async function refusal(work: Promise<unknown>): Promise<ReportError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ReportError);
  return error as ReportError;
}

const fieldsOf = (error: ReportError) => ((error.detail as { fields: { field: string }[] }).fields ?? []).map((f) => f.field);

const newQuery = (title: string, params: Record<string, unknown> = {}) =>
  createSavedQuery(graph, owner, { title, description: '每周排查 / weekly screen', analysis: 'flagged-controllers', params });

beforeAll(async () => {
  graph = await loadFixtures(fixtures, ['registrations', 'shareholders', 'officers', 'relations', 'lists', 'personLists'], ['confirm.cypher']);
  const accounts = new Accounts(graph);
  for (const user of [owner, regulator, viewer, otherViewer, stranger, sysadmin]) await ensureTestUser(accounts, user.role, { name: user.name });
});
afterAll(async () => {
  await graph?.close();
});

describe('saved queries', () => {
  it('are seen by their owner, a user named and the users of a role shared with; anyone else is told NOT_FOUND', async () => {
    const query = await newQuery('涉案控制人排查');
    const unshared = await newQuery('未共享的查询');
    expect(query).toMatchObject({ version: 1, owner: { name: 'rq-owner' }, sharedWith: { roles: [], users: [] }, params: {}, lastRun: null, schedule: null });
    expect((await refusal(getSavedQuery(graph, viewer, query.id))).code).toBe('NOT_FOUND');

    const shared = await shareSavedQuery(graph, owner, query.id, { roles: ['regulator'], users: ['RQ-Viewer'] });
    expect(shared.sharedWith).toEqual({ roles: ['regulator'], users: [{ name: 'rq-viewer', displayName: 'rq-viewer' }] });
    expect(shared.version).toBe(2);

    for (const reader of [owner, regulator, viewer]) expect((await getSavedQuery(graph, reader, query.id)).title).toBe('涉案控制人排查');
    for (const reader of [stranger, otherViewer, sysadmin]) expect((await refusal(getSavedQuery(graph, reader, query.id))).code).toBe('NOT_FOUND');

    const seenByViewer = await listSavedQueries(graph, viewer, { first: 10, after: null });
    expect(seenByViewer.nodes.map((q) => q.id)).toEqual([query.id]);
    const ownPage = await listSavedQueries(graph, owner, { first: 1, after: null });
    expect(ownPage.nodes.map((q) => q.id)).toEqual([unshared.id]);
    expect(ownPage.hasNextPage).toBe(true);
    const next = await listSavedQueries(graph, owner, { first: 1, after: ownPage.endCursor });
    expect(next.nodes.map((q) => q.id)).toEqual([query.id]);
    expect((await listSavedQueries(graph, stranger, { first: 10, after: null })).nodes).toEqual([]);
    expect(fieldsOf(await refusal(listSavedQueries(graph, owner, { first: 1, after: 'forged' })))).toEqual(['after']);

    // Seeing is not owning: a viewer or a regulator shared the query may not change it; a stranger does not learn it exists.
    expect((await refusal(updateSavedQuery(graph, viewer, query.id, 2, { title: '改' }))).code).toBe('FORBIDDEN');
    expect((await refusal(shareSavedQuery(graph, regulator, query.id, { roles: ['viewer'], users: [] }))).code).toBe('FORBIDDEN');
    expect((await refusal(deleteSavedQuery(graph, stranger, query.id))).code).toBe('NOT_FOUND');
    // Sysadmins see no case data, and a name must be an account that may read reports.
    expect(fieldsOf(await refusal(shareSavedQuery(graph, owner, query.id, { roles: ['sysadmin'], users: ['rq-admin', 'nobody'] })))).toEqual([
      'sharedWith.roles.0',
      'sharedWith.users.0',
      'sharedWith.users.1',
    ]);

    await deleteSavedQuery(graph, owner, unshared.id);
    expect((await refusal(getSavedQuery(graph, owner, unshared.id))).code).toBe('NOT_FOUND');
  });

  it('filters the list before paging: by words, analysis, whose and watched, so a match past the first page is on the first', async () => {
    const target = await newQuery('筛选目标 汇金系');
    const watchedQuery = await setSchedule(graph, owner, target.id, target.version, scheduleOf({ kind: 'weekly' }));
    const others = [await newQuery('其他一'), await newQuery('其他二')];
    const fromRegulator = await createSavedQuery(graph, regulator, { title: '监管共享 汇金系', analysis: 'keyword-screen', params: {} });
    await shareSavedQuery(graph, regulator, fromRegulator.id, { roles: [], users: ['rq-owner'] });
    const ids = async (filter: Parameters<typeof listSavedQueries>[3], first = 1) => (await listSavedQueries(graph, owner, { first, after: null }, filter)).nodes.map((q) => q.id);

    // Unfiltered, the target is behind the newer queries; filtered, it is the first page.
    expect(await ids({})).not.toEqual([target.id]);
    expect(await ids({ text: '筛选目标' })).toEqual([target.id]);
    expect(await ids({ watched: true })).toEqual([watchedQuery.id]);
    expect(await ids({ text: '汇金系', whose: 'MINE' })).toEqual([target.id]);
    expect(await ids({ text: '汇金系', whose: 'SHARED' })).toEqual([fromRegulator.id]);
    expect(await ids({ analysis: 'keyword-screen' }, 10)).toEqual([fromRegulator.id]);
    expect(await ids({ text: 'WEEKLY SCREEN' }, 10)).toEqual(expect.arrayContaining([target.id, ...others.map((q) => q.id)]));
    for (const q of [target, ...others]) await deleteSavedQuery(graph, owner, q.id);
    await deleteSavedQuery(graph, regulator, fromRegulator.id);
  });

  it('refuses a change made on a stale version with EDIT_CONFLICT naming who saved since', async () => {
    const query = await newQuery('两次编辑');
    const changed = await updateSavedQuery(graph, owner, query.id, 1, { title: '两次编辑（改）', params: { minFirms: 2 } });
    expect(changed).toMatchObject({ version: 2, title: '两次编辑（改）', params: { minFirms: 2 } });

    const stale = await refusal(updateSavedQuery(graph, owner, query.id, 1, { description: '过时的修改' }));
    expect(stale.code).toBe('EDIT_CONFLICT');
    expect(stale.detail).toMatchObject({ currentVersion: 2, changedBy: 'rq-owner' });
    expect((await getSavedQuery(graph, owner, query.id)).description).toBe('每周排查 / weekly screen');
  });

  it('refuses bad parameters with BAD_INPUT naming the field, when saved and again when run', async () => {
    expect(fieldsOf(await refusal(newQuery('坏参数', { minFirms: 0 })))).toEqual(['params.minFirms']);
    expect(fieldsOf(await refusal(newQuery('拼错的参数', { minFrims: 2 })))).toEqual(['params.minFrims']);
    expect(fieldsOf(await refusal(createSavedQuery(graph, owner, { title: '无此分析', analysis: 'no-such-analysis', params: {} })))).toEqual(['analysis']);
    expect(fieldsOf(await refusal(createSavedQuery(graph, owner, { title: ' ', analysis: 'flagged-controllers', params: {} })))).toEqual(['title']);
    expect((await refusal(createSavedQuery(graph, { name: 'rq-viewer', role: 'viewer' }, { title: '查看人员', analysis: 'flagged-controllers', params: {} }))).code).toBe('FORBIDDEN');

    // Parameters stored before a schema tightened are checked again when the query runs.
    const query = await newQuery('保存后失效');
    await graph.driver.executeQuery('MATCH (q:SavedQuery {id: $id}) SET q.params = $params', { id: query.id, params: JSON.stringify({ threshold: 2 }) });
    expect(fieldsOf(await refusal(runSavedQuery(graph, owner, query.id, 'manual', settings)))).toEqual(['params.threshold']);
    expect((await listReportRuns(graph, owner, query.id, { first: 10, after: null })).nodes).toEqual([]);
  });
});

describe('report runs', () => {
  let queryId: string;
  let firstRunId: string;

  it('numbers a query’s runs 1, 2, hashes each canonical document, and records the import runs it ran on', async () => {
    const query = await newQuery('涉案控制人周报');
    queryId = query.id;
    await shareSavedQuery(graph, owner, queryId, { roles: [], users: ['rq-viewer'] });
    const first = await runSavedQuery(graph, owner, queryId, 'manual', settings);
    const second = await runSavedQuery(graph, owner, queryId, 'manual', settings);
    firstRunId = first.id;
    expect([first.number, second.number]).toEqual([1, 2]);
    expect(first).toMatchObject({ queryId, ranBy: 'rq-owner', trigger: 'manual', findingCount: 6, exhaustive: true });

    const { summary, document } = await openReportRun(graph, viewer, first.id);
    expect(summary).toEqual(first);
    expect(first.contentHash).toBe(contentHash(document));
    expect(reportDocument.parse(JSON.parse(canonicalJson(document)))).toEqual(document);
    expect(document.query).toMatchObject({ id: queryId, title: '涉案控制人周报', analysis: 'flagged-controllers', analysisTitle: { zh: '多家涉案企业背后的控制人' } });
    expect(document.run).toMatchObject({ id: first.id, number: 1, ranAt: first.ranAt, ranBy: 'rq-owner', office: '测试市公安局经侦支队' });
    // Parameters as resolved: the defaults the query left out are recorded.
    expect(document.params).toMatchObject({ minFirms: 3, threshold: 0.25, listTypes: expect.arrayContaining(['非法集资案件']) });
    expect(document.vocabularies.listTypes).toMatchObject({ version: expect.any(Number) });
    expect(document.network.nodes.map((n) => n.name)).toContain('测试控股甲有限公司');

    const { records } = await graph.driver.executeQuery("MATCH (r:ImportRun) WHERE r.status <> 'retracted' RETURN r.id AS id, r.partKinds AS kinds");
    expect(records).toHaveLength(1);
    const importRunId = records[0]!.get('id');
    expect(document.data.importRuns.map((s) => [s.id, s.kind, s.file])).toEqual(
      (records[0]!.get('kinds') as string[]).map((kind) => [importRunId, kind, expect.stringMatching(/\.csv$/)]),
    );
    const registrations = document.data.importRuns.find((s) => s.file === 'registrations.csv')!;
    expect(registrations.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(registrations.counts.written).toBeGreaterThan(0);
    expect(document.data.counts.COMPANY).toBe(Number((await graph.driver.executeQuery('MATCH (c:Company) RETURN count(c) AS n')).records[0]!.get('n')));
    expect(document.data.modelVersion).toBeGreaterThan(0);

    const page = await listReportRuns(graph, viewer, queryId, { first: 1, after: null });
    expect(page.nodes.map((r) => r.number)).toEqual([2]);
    const rest = await listReportRuns(graph, viewer, queryId, { first: 1, after: page.endCursor });
    expect(rest.nodes.map((r) => r.number)).toEqual([1]);
    expect(rest.hasNextPage).toBe(false);
    expect((await getSavedQuery(graph, owner, queryId)).lastRun).toEqual(second);
    expect((await previousReportRun(graph, queryId, 2))?.summary).toEqual(first);

    // Runs are read by those the query is shared with; run by those who work on case data.
    for (const reader of [stranger, otherViewer]) {
      expect((await refusal(openReportRun(graph, reader, first.id))).code).toBe('NOT_FOUND');
      expect((await refusal(listReportRuns(graph, reader, queryId, { first: 5, after: null }))).code).toBe('NOT_FOUND');
    }
    expect((await refusal(runSavedQuery(graph, { ...viewer, via: 'web' }, queryId, 'manual', settings))).code).toBe('FORBIDDEN');
    expect((await refusal(runSavedQuery(graph, stranger, queryId, 'manual', settings))).code).toBe('NOT_FOUND');
  });

  it('opens a run with the findings it had after the data changed since', async () => {
    const before = await openReportRun(graph, owner, firstRunId);
    expect(before.document.envelope.findings[0]!.subject.name).toBe('甲控');

    // 甲控 sells his 80% of 测试控股甲有限公司: he is behind no flagged firm any more.
    await graph.driver.executeQuery("MATCH (:Person {name: '甲控'})-[h:HOLDS_SHARES]->(:Company {key: '91320100MA1FC00015'}) DELETE h");
    const after = await runSavedQuery(graph, owner, queryId, 'manual', settings);
    expect(after.number).toBe(3);
    const rerun = await openReportRun(graph, owner, after.id);
    expect(rerun.document.envelope.findings.map((f) => f.subject.name)).not.toContain('甲控');

    const reopened = await openReportRun(graph, owner, firstRunId);
    expect(reopened).toEqual(before);
    expect(reopened.document.envelope.findings.map((f) => f.subject.name)).toEqual(['甲控', '丁提', '丙确', '庚经', '乙代', '己持']);
  });

  it('keeps an unsaved query’s run for its runner alone', async () => {
    const adHoc = await runAdHocReport(graph, stranger, { title: '临时查询', analysis: 'flagged-controllers', params: { minFirms: 2 } }, 'cli', settings);
    expect(adHoc).toMatchObject({ queryId: null, number: 1, trigger: 'cli' });
    expect((await openReportRun(graph, stranger, adHoc.id)).document.params).toMatchObject({ minFirms: 2 });
    expect((await refusal(openReportRun(graph, owner, adHoc.id))).code).toBe('NOT_FOUND');
  });

  it('refuses to open a run whose stored content was changed: REPORT_TAMPERED', async () => {
    await graph.driver.executeQuery("MATCH (r:ReportRun {id: $id}) SET r.content = replace(r.content, '甲控', '无名')", { id: firstRunId });
    const tampered = await refusal(openReportRun(graph, viewer, firstRunId));
    expect(tampered.code).toBe('REPORT_TAMPERED');
    expect(tampered.message).toContain(firstRunId);
    expect((await refusal(previousReportRun(graph, queryId, 2))).code).toBe('REPORT_TAMPERED');
  });
});
