import crypto from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, validate } from 'graphql';
import type { Graph } from '../../cypher/run.ts';
import { createApi, schema } from '../../server/yoga.ts';
import { loadPersistedOperations } from '../../server/persistedOperations.ts';
import { serveGraphiQL } from '../../server/graphiql.ts';
import { persistedOperationHashes } from '../../web/src/api/generated.ts';
import { persistedOperationsOf } from '../../scripts/apiCodegen.ts';
import { freshGraph } from '../support/graph.ts';
import { ApiClient, ensureTestUser, signedInClient, TEST_PASSWORD, testServerParts, type TestServerParts } from '../support/server.ts';

/**
 * The web app's operations run by hash (server/persistedOperations.json); a document of the
 * caller's own runs only for the signed-in roles that may send one, and never without a session.
 */

let graph: Graph;
let parts: TestServerParts;
let api: ReturnType<typeof createApi>;
const fetchApi = (url: string, init: RequestInit) => api.fetch(url, init);

beforeAll(async () => {
  graph = await freshGraph();
  parts = testServerParts(graph);
  api = createApi(parts);
});
afterAll(() => graph.close());

async function auditCount(): Promise<number> {
  return (await parts.audit.list({}, { limit: 10_000 })).length;
}

describe('persisted operations', () => {
  it('run by their hash for a signed-in user, the app’s sign-in included', async () => {
    const viewer = await signedInClient(fetchApi, parts.accounts, 'viewer');
    const me = await viewer.persisted('Me', {});
    expect(me.errors).toBeUndefined();
    expect(me.data?.me?.user).toMatchObject({ name: 'test-viewer', role: 'VIEWER' });

    const investigator = await signedInClient(fetchApi, parts.accounts, 'investigator');
    const search = await investigator.persisted('Search', { text: '南京', first: 5 });
    expect(search.status).toBe(200);
    expect(search.errors).toBeUndefined();
    expect(Array.isArray(search.data?.search?.nodes)).toBe(true);
  });

  it('refuse an unknown hash with PERSISTED_QUERY_NOT_FOUND, signed in or not', async () => {
    const unknown = { extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } };
    for (const client of [new ApiClient(fetchApi), await signedInClient(fetchApi, parts.accounts, 'investigator')]) {
      const result = await client.gqlBody(unknown);
      expect(result.status).toBe(400);
      expect(result.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
      expect(result.data).toBeUndefined();
    }
  });

  it('still go through authorization: a persisted Search without a session answers UNAUTHENTICATED', async () => {
    const result = await new ApiClient(fetchApi).persisted('Search', { text: '南京' });
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('documents of the caller’s own', () => {
  it('are refused without a session with UNAUTHENTICATED and never run — not even a sign-in with the right password', async () => {
    await ensureTestUser(parts.accounts, 'investigator');
    const anonymous = new ApiClient(fetchApi);
    const before = await auditCount();
    const signIn = await anonymous.gql('mutation($n: String!, $p: String!) { signIn(name: $n, password: $p) { ok } }', { n: 'test-investigator', p: TEST_PASSWORD });
    expect(signIn.status).toBe(401);
    expect(signIn.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(signIn.data).toBeUndefined();
    expect(anonymous.cookie).toBeNull();
    // Refused before parsing: nothing reached the resolvers or the audit trail.
    expect(await auditCount()).toBe(before);
  });

  it('are refused to a viewer with FORBIDDEN, while the app’s own operations run', async () => {
    const viewer = await signedInClient(fetchApi, parts.accounts, 'viewer');
    const own = await viewer.gql('{ me { user { name } } }');
    expect(own.status).toBe(403);
    expect(own.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(own.data).toBeUndefined();
    expect((await viewer.persisted('Me', {})).data?.me?.user?.name).toBe('test-viewer');
  });

  it('are what GraphiQL sends, so it opens for an investigator and sends a viewer back to the app', async () => {
    const statusFor = async (cookie: string | null) => {
      let status = 0;
      const req = { method: 'GET', headers: cookie ? { cookie } : {} } as unknown as http.IncomingMessage;
      const res = { writeHead: (code: number) => void (status = code), end: () => undefined } as unknown as http.ServerResponse;
      await serveGraphiQL(parts.accounts, req, res);
      return status;
    };
    expect(await statusFor((await signedInClient(fetchApi, parts.accounts, 'investigator')).cookie)).toBe(200);
    expect(await statusFor((await signedInClient(fetchApi, parts.accounts, 'viewer')).cookie)).toBe(303);
    expect(await statusFor(null)).toBe(303);
  });

  it('run for investigators, regulators, auditors and sysadmins', async () => {
    for (const role of ['investigator', 'regulator', 'auditor', 'sysadmin'] as const) {
      const client = await signedInClient(fetchApi, parts.accounts, role);
      const result = await client.gql('query Mine { me { user { name role } } }');
      expect(result.errors, role).toBeUndefined();
      expect(result.data?.me?.user).toEqual({ name: `test-${role}`, role: role.toUpperCase() });
    }
  });
});

describe('the list the server loads', () => {
  it('holds exactly the web app’s operations, each under the sha256 of its document and valid against the schema', () => {
    const dir = path.resolve('web/src/api/operations');
    const documents = fs.readdirSync(dir).filter((f) => f.endsWith('.graphql')).map((f) => parse(fs.readFileSync(path.join(dir, f), 'utf8')));
    const web = persistedOperationsOf(documents);
    const served = loadPersistedOperations();
    expect(Object.fromEntries(served)).toEqual(Object.fromEntries(web.map((o) => [o.hash, o.document])));
    expect(persistedOperationHashes).toEqual(Object.fromEntries(web.map((o) => [o.name, o.hash])));
    for (const [hash, document] of served) expect(validate(schema, parse(document)).map((e) => e.message), hash).toEqual([]);
  });

  it('is refused at start when a document does not match its hash (a hand edit)', () => {
    const [[hash, document]] = [...loadPersistedOperations()] as [[string, string]];
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-persisted-')), 'persistedOperations.json');
    fs.writeFileSync(file, JSON.stringify({ [hash]: `${document}\n# edited` }));
    expect(() => loadPersistedOperations(file)).toThrow(/npm run codegen/);
    fs.writeFileSync(file, JSON.stringify({ [crypto.createHash('sha256').update('{ me { fullIdNumbers } }').digest('hex')]: '{ me { fullIdNumbers } }' }));
    expect(loadPersistedOperations(file).size).toBe(1);
  });
});
