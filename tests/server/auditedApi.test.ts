import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../cypher/run.ts';
import type { AuditEntry } from '../../audit/types.ts';
import { createApi } from '../../server/yoga.ts';
import { freshGraph } from '../support/graph.ts';
import { ApiClient, signedInClient, testServerParts, type TestServerParts } from '../support/server.ts';

/** Every operation through the API lands in the audit trail once, with who, what, why and how it went. */

let graph: Graph;
let parts: TestServerParts;
let api: ReturnType<typeof createApi>;
const fetchApi = (url: string, init: RequestInit) => api.fetch(url, init);

async function lastEntry(): Promise<AuditEntry> {
  const [entry] = await parts.audit.list({}, { limit: 1 });
  return entry!;
}

beforeAll(async () => {
  graph = await freshGraph();
  parts = testServerParts(graph);
  api = createApi(parts);
});
afterAll(() => graph.close());

describe('the API records every operation', () => {
  it('a failed sign-in, with the name tried and never the password', async () => {
    const anonymous = new ApiClient(fetchApi);
    const result = await anonymous.signIn('no-such-user', 'Secret-typed-2026!');
    expect(result.data!.signIn).toMatchObject({ ok: false, code: 'BAD_CREDENTIALS' });
    const entry = await lastEntry();
    expect(entry).toMatchObject({ action: 'signIn', outcome: 'denied', actor: { name: 'no-such-user', via: 'web', role: null }, detail: 'BAD_CREDENTIALS' });
    expect(JSON.stringify(entry)).not.toContain('Secret-typed-2026!');
  });

  it('an operation refused to a role, as denied, under the user who tried', async () => {
    const viewer = await signedInClient(fetchApi, parts.accounts, 'viewer');
    // By the app's persisted Search: a viewer's document of its own is refused before it is an operation.
    const result = await viewer.persisted('Search', { text: '南京' });
    expect(result.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(await lastEntry()).toMatchObject({ action: 'query', operation: 'search', outcome: 'denied', actor: { name: 'test-viewer', role: 'viewer' }, detail: 'FORBIDDEN' });
  });

  it('a request without a session, as denied, anonymous', async () => {
    const result = await new ApiClient(fetchApi).persisted('Search', { text: '南京' });
    expect(result.status).toBe(401);
    expect(await lastEntry()).toMatchObject({ outcome: 'denied', actor: { role: null }, detail: 'UNAUTHENTICATED' });
  });

  it('an analysis with its name, parameters, result count, duration and the reason given', async () => {
    const investigator = await signedInClient(fetchApi, parts.accounts, 'investigator');
    const reason = '（2026）苏公经立字第12号';
    const result = await investigator.gql('{ runAnalysis(name: "flagged-controllers", params: {}) { findings { subject { key } } } }', {}, { 'x-chuantou-reason': encodeURIComponent(reason) });
    expect(result.errors).toBeUndefined();
    const entry = await lastEntry();
    expect(entry).toMatchObject({ action: 'analysis', operation: 'runAnalysis:flagged-controllers', outcome: 'ok', reason, resultCount: 0, params: { runAnalysis: { name: 'flagged-controllers', params: {} } } });
    expect(entry.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('invalid GraphQL, as failed', async () => {
    const investigator = await signedInClient(fetchApi, parts.accounts, 'investigator');
    const result = await investigator.gql('{ noSuchField }');
    expect(result.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    // Validation failures are recorded without holding the response back.
    await new Promise((r) => setTimeout(r, 200));
    expect(await lastEntry()).toMatchObject({ outcome: 'failed', actor: { name: 'test-investigator' } });
  });

  it('and the chain of all of it verifies', async () => {
    expect((await parts.audit.verify()).ok).toBe(true);
  });
});
