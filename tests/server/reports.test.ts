import crypto from 'node:crypto';
import type http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../cypher/run.ts';
import { verifyBundle } from '../../exporters/bundle.ts';
import { fileNameStem } from '../../reports/exports.ts';
import { createHttpServer, listen } from '../../server/http.ts';
import { loadPersistedOperations } from '../../server/persistedOperations.ts';
import { createApi } from '../../server/yoga.ts';
import { loadFixtures } from '../support/fixtures.ts';
import { signedInClient, testServerParts, type ApiClient, type GqlResponse, type TestServerParts } from '../support/server.ts';

/**
 * Saved queries and report runs through the API and the export endpoint, on the flagged-controllers
 * fixture (tests/fixtures/analyses/flagged/README.md: six controllers behind three flagged firms or
 * more). An investigator saves a screen whose description quotes an ID number, runs it and shares
 * it with the viewer role: a viewer reads it (masked), a regulator it is not shared with must not
 * learn it exists. A viewer runs only persisted operations (as the web app sends them): the
 * documents a viewer sends here are added to the server's list, as the role matrix test does.
 */

const ID_NUMBER = '32010619800101201X';
const TITLE = '涉案企业控制人排查';

const VIEWER_OPERATIONS = {
  savedQueries: '{ savedQueries(first: 10) { nodes { id title lastRun { id number } } pageInfo { hasNextPage } } }',
  reportRun: 'query($id: ID!) { reportRun(id: $id) { id number findingCount contentHash document } }',
  filtered: 'query($f: SavedQueryFilter) { savedQueries(first: 10, filter: $f) { nodes { id } } }',
};
const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

let graph: Graph;
let parts: TestServerParts;
let server: http.Server;
let baseUrl: string;
let owner: ApiClient;
let viewer: ApiClient;
let stranger: ApiClient;
let queryId: string;
let firstRun: { id: string; number: number; findingCount: number; contentHash: string };

function ok(result: GqlResponse): Record<string, any> {
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!;
}
const codeOf = (result: GqlResponse) => result.errors?.[0]?.extensions?.code;

function asViewer(name: keyof typeof VIEWER_OPERATIONS, variables: Record<string, unknown> = {}): Promise<GqlResponse> {
  return viewer.gqlBody({ variables, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(VIEWER_OPERATIONS[name]) } } });
}

/** GET of an export as a browser following a link: the session cookie, nothing else. */
async function download(runId: string, query: string, client: ApiClient | null): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const response = await fetch(`${baseUrl}exports/report-runs/${encodeURIComponent(runId)}?${query}`, { headers: client?.cookie ? { cookie: client.cookie } : {} });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

const RUN = 'id number findingCount contentHash trigger ranBy';

beforeAll(async () => {
  graph = await loadFixtures(path.resolve('tests/fixtures/analyses/flagged'), ['registrations', 'shareholders', 'officers', 'relations', 'lists', 'personLists'], ['confirm.cypher']);
  parts = testServerParts(graph);
  const persistedOperations = new Map([...loadPersistedOperations(), ...Object.values(VIEWER_OPERATIONS).map((d): [string, string] => [sha256(d), d])]);
  const api = createApi(parts, { persistedOperations });
  const fetchApi = (url: string, init: RequestInit) => api.fetch(url, init);
  owner = await signedInClient(fetchApi, parts.accounts, 'investigator');
  viewer = await signedInClient(fetchApi, parts.accounts, 'viewer');
  stranger = await signedInClient(fetchApi, parts.accounts, 'regulator', { name: 'other-regulator' });
  server = createHttpServer(parts);
  baseUrl = await listen(server, 0, '127.0.0.1');
}, 120_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await graph?.close();
});

describe('saved queries and report runs through the API', () => {
  it('shares a run with a viewer, ID numbers masked, while a regulator it is not shared with gets NOT_FOUND', async () => {
    const saved = ok(
      await owner.gql(`mutation($input: SavedQueryInput!) { saveQuery(input: $input) { id version owner { name } sharedWith { roles users { name } } } }`, {
        input: { title: TITLE, description: `线索：${ID_NUMBER} 举报 / tip-off`, analysis: 'flagged-controllers', params: {} },
      }),
    ).saveQuery;
    queryId = saved.id;
    expect(saved.owner.name).toBe('test-investigator');
    firstRun = ok(await owner.gql(`mutation($id: ID!) { runSavedQuery(id: $id) { ${RUN} } }`, { id: queryId })).runSavedQuery;
    expect(firstRun).toMatchObject({ number: 1, findingCount: 6, trigger: 'MANUAL', ranBy: 'test-investigator' });

    // Not shared yet: the viewer's list does not name it.
    expect(ok(await asViewer('savedQueries')).savedQueries.nodes).toEqual([]);
    const shared = ok(await owner.gql(`mutation($id: ID!) { shareSavedQuery(id: $id, roles: [VIEWER], users: []) { sharedWith { roles } } }`, { id: queryId })).shareSavedQuery;
    expect(shared.sharedWith.roles).toEqual(['VIEWER']);

    const listed = ok(await asViewer('savedQueries')).savedQueries.nodes;
    expect(listed).toEqual([{ id: queryId, title: TITLE, lastRun: { id: firstRun.id, number: 1 } }]);
    const opened = ok(await asViewer('reportRun', { id: firstRun.id })).reportRun;
    expect(opened.contentHash).toBe(firstRun.contentHash);
    expect(opened.document.envelope.findings).toHaveLength(6);
    expect(opened.document.query.description).toContain('3201**********201X');
    expect(JSON.stringify(opened.document)).not.toContain(ID_NUMBER);
    // The investigator who gave a reason reads the run as it was stored.
    const withReason = ok(await owner.gql(`query($id: ID!) { reportRun(id: $id) { document } }`, { id: firstRun.id }, { 'x-chuantou-reason': encodeURIComponent('核查举报线索') })).reportRun;
    expect(withReason.document.query.description).toContain(ID_NUMBER);

    expect(codeOf(await stranger.gql(`query($id: ID!) { savedQuery(id: $id) { id } }`, { id: queryId }))).toBe('NOT_FOUND');
    expect(codeOf(await stranger.gql(`query($id: ID!) { reportRun(id: $id) { id } }`, { id: firstRun.id }))).toBe('NOT_FOUND');
    expect(ok(await stranger.gql('{ savedQueries(first: 10) { nodes { id } } }')).savedQueries.nodes).toEqual([]);
    // The list's filter, through the API: the viewer's shared query, not the viewer's own.
    expect(ok(await asViewer('filtered', { f: { whose: 'SHARED', analysis: 'flagged-controllers' } })).savedQueries.nodes).toEqual([{ id: queryId }]);
    expect(ok(await asViewer('filtered', { f: { whose: 'MINE' } })).savedQueries.nodes).toEqual([]);
    expect(codeOf(await asViewer('filtered', { f: { text: 'x'.repeat(201) } }))).toBe('BAD_INPUT');
    // A change made on a stale version is refused, naming who changed it since.
    const { version } = ok(await owner.gql(`query($id: ID!) { savedQuery(id: $id) { version } }`, { id: queryId })).savedQuery;
    const UPDATE = `mutation($id: ID!, $v: Int!) { updateSavedQuery(id: $id, version: $v, input: {title: "${TITLE}"}) { version } }`;
    expect(ok(await owner.gql(UPDATE, { id: queryId, v: version })).updateSavedQuery.version).toBe(version + 1);
    const stale = await owner.gql(UPDATE, { id: queryId, v: version });
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'EDIT_CONFLICT', currentVersion: version + 1, changedBy: 'test-investigator' });
  });

  it('lists two runs newest first and answers their diff with nothing new, gone or changed', async () => {
    const second = ok(await owner.gql(`mutation($id: ID!) { runSavedQuery(id: $id) { ${RUN} } }`, { id: queryId })).runSavedQuery;
    expect(second.number).toBe(2);
    const runs = ok(await owner.gql(`query($q: ID!) { reportRuns(queryId: $q, first: 1) { nodes { number } pageInfo { hasNextPage endCursor } } }`, { q: queryId })).reportRuns;
    expect(runs.nodes).toEqual([{ number: 2 }]);
    expect(runs.pageInfo.hasNextPage).toBe(true);
    const rest = ok(await owner.gql(`query($q: ID!, $after: String) { reportRuns(queryId: $q, first: 5, after: $after) { nodes { number } pageInfo { hasNextPage } } }`, { q: queryId, after: runs.pageInfo.endCursor })).reportRuns;
    expect(rest).toEqual({ nodes: [{ number: 1 }], pageInfo: { hasNextPage: false } });

    const diff = ok(
      await owner.gql(
        `query($a: ID!, $b: ID!) { runDiff(fromRunId: $a, toRunId: $b) { fromRunId toRunId newFindings { key } goneFindings { key } changedFindings { subject { key } changes { code } } unchangedCount resolvedAliases { from to } } }`,
        { a: firstRun.id, b: second.id },
      ),
    ).runDiff;
    expect(diff).toEqual({ fromRunId: firstRun.id, toRunId: second.id, newFindings: [], goneFindings: [], changedFindings: [], unchangedCount: 6, resolvedAliases: [] });
  });

  it('watches a saved query weekly, refuses a bad cron expression and stops watching on null', async () => {
    const SCHEDULE = `mutation($id: ID!, $v: Int!, $s: ScheduleInput) { scheduleSavedQuery(id: $id, version: $v, schedule: $s) { version nextRunAt schedule { kind cron timezone } } }`;
    const { version } = ok(await owner.gql(`query($id: ID!) { savedQuery(id: $id) { version } }`, { id: queryId })).savedQuery;
    const watched = ok(await owner.gql(SCHEDULE, { id: queryId, v: version, s: { kind: 'WEEKLY' } })).scheduleSavedQuery;
    expect(watched.schedule).toEqual({ kind: 'WEEKLY', cron: '0 6 * * 1', timezone: 'Asia/Shanghai' });
    expect(Date.parse(watched.nextRunAt)).toBeGreaterThan(Date.now());
    const bad = await owner.gql(SCHEDULE, { id: queryId, v: watched.version, s: { kind: 'CRON', cron: '61 * * * *' } });
    expect(codeOf(bad)).toBe('BAD_INPUT');
    const stopped = ok(await owner.gql(SCHEDULE, { id: queryId, v: watched.version, s: null })).scheduleSavedQuery;
    expect(stopped).toMatchObject({ schedule: null, nextRunAt: null });
  });

  it('exports a run over HTTP as CSV under its UTF-8 title, masked for the viewer', async () => {
    const csv = await download(firstRun.id, 'format=csv&lang=zh', viewer);
    expect(csv.status, csv.bytes.toString('utf8')).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="report-1.csv"; filename*=UTF-8''${encodeURIComponent(`${TITLE}-1.csv`)}`);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const json = await download(firstRun.id, 'format=json', viewer);
    expect(json.status).toBe(200);
    expect(json.bytes.toString('utf8')).not.toContain(ID_NUMBER);
    expect(JSON.parse(json.bytes.toString('utf8')).query.description).toContain('3201**********201X');
  });

  it('names export files so that Windows can save them: no reserved characters, device names or trailing dots', () => {
    expect(fileNameStem('排查: 甲/乙 "名单"?*')).toBe('排查_ 甲_乙 _名单___');
    expect(fileNameStem('CON')).toBe('report-CON');
    expect(fileNameStem('nul.txt')).toBe('report-nul.txt');
    expect(fileNameStem(' 周报. ')).toBe('周报');
    expect(fileNameStem('...')).toBe('report');
    expect(Array.from(fileNameStem('长'.repeat(300)))).toHaveLength(80);
  });

  it('exports the evidence bundle, which verifies and names the audit entry that recorded the export', async () => {
    const bundle = await download(firstRun.id, 'format=bundle&lang=zh', owner);
    expect(bundle.status, bundle.bytes.toString('utf8').slice(0, 500)).toBe(200);
    expect(bundle.headers.get('content-type')).toBe('application/zip');
    const verified = await verifyBundle(bundle.bytes);
    expect(verified.problems).toEqual([]);
    expect(verified.ok).toBe(true);
    const manifest = verified.manifest as { runId: string; contentHash: string; auditEntry: { seq: number; hmac: string } };
    // The run's own hash names it, although this copy's ID numbers are masked (no reason given).
    expect(manifest).toMatchObject({ runId: firstRun.id, contentHash: firstRun.contentHash });
    const recorded = await parts.audit.list({ action: 'export' });
    const entry = recorded.find((e) => e.seq === manifest.auditEntry.seq);
    expect(entry).toMatchObject({ operation: 'exportReportRun', outcome: 'ok', actor: { name: 'test-investigator' }, params: { runId: firstRun.id, format: 'bundle' } });
    expect(manifest.auditEntry.hmac).toBe(entry!.hmac);
    expect(bundle.headers.get('x-chuantou-audit-seq')).toBe(String(entry!.seq));
  }, 120_000);

  it('refuses an export signed out (401), of a run the reader may not see (404) and in an unknown format (400), recording each', async () => {
    expect((await download(firstRun.id, 'format=csv', null)).status).toBe(401);
    expect((await download(firstRun.id, 'format=csv', stranger)).status).toBe(404);
    const bad = await download(firstRun.id, 'format=docx', owner);
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.bytes.toString('utf8')).errors[0].extensions.code).toBe('BAD_INPUT');
    const refused = (await parts.audit.list({ action: 'export' })).filter((e) => e.outcome !== 'ok').map((e) => [e.actor.name, e.outcome, e.detail]);
    expect(refused).toEqual(expect.arrayContaining([['(未登录 / anonymous)', 'denied', 'UNAUTHENTICATED'], ['other-regulator', 'failed', 'NOT_FOUND'], ['test-investigator', 'failed', 'BAD_INPUT']]));
  });
});
