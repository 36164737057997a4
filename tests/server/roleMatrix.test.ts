import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createYoga } from 'graphql-yoga';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { Graph } from '../../cypher/run.ts';
import { roles, type Role } from '../../accounts/roles.ts';
import { createApi, schema } from '../../server/yoga.ts';
import { authorizationPlugins } from '../../server/authorization.ts';
import { arbitraryOperationRoles, loadPersistedOperations } from '../../server/persistedOperations.ts';
import { freshGraph } from '../support/graph.ts';
import { ApiClient, ensureTestUser, signedInClient, testServerParts, type TestServerParts } from '../support/server.ts';

/**
 * The role × operation matrix (fixtures/roleMatrix.json, written by hand) against what the server
 * does: every Query and Mutation field is in the matrix, and every role — and a request without a
 * session — is let through exactly where the matrix says, refused everywhere else. Callers who may
 * run only persisted operations (a viewer, a request without a session) reach each field as the
 * app does, by a persisted document's hash: the matrix's calls are added to the server's list here.
 */

interface MatrixEntry {
  allowed: string[];
  call: string;
}
const matrix = JSON.parse(fs.readFileSync(path.resolve('tests/server/fixtures/roleMatrix.json'), 'utf8')).operations as Record<string, MatrixEntry>;
const callers = ['anonymous', ...roles] as const;
type Caller = (typeof callers)[number];

const persistedOnly = (caller: Caller) => caller === 'anonymous' || !arbitraryOperationRoles.has(caller);
const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');
const calls = Object.values(matrix).flatMap((entry) => callers.map((caller) => entry.call.replaceAll('ROLE', caller)));

/** Operations after which the caller's session is gone (or should be treated so). */
const endsSession = new Set(['Mutation.signOut', 'Mutation.signOutEverywhere']);

let graph: Graph;
let parts: TestServerParts;
let api: ReturnType<typeof createApi>;
const fetchApi = (url: string, init: RequestInit) => api.fetch(url, init);
const clients = new Map<Caller, ApiClient>();

async function clientFor(caller: Caller): Promise<ApiClient> {
  const existing = clients.get(caller);
  if (existing) return existing;
  const client = caller === 'anonymous' ? new ApiClient(fetchApi) : await signedInClient(fetchApi, parts.accounts, caller as Role);
  clients.set(caller, client);
  return client;
}

beforeAll(async () => {
  graph = await freshGraph();
  parts = testServerParts(graph);
  api = createApi(parts, { persistedOperations: new Map([...loadPersistedOperations(), ...calls.map((call): [string, string] => [sha256(call), call])]) });
  await ensureTestUser(parts.accounts, 'viewer', { name: 'matrix-target' });
});
afterAll(() => graph.close());

describe('role × operation matrix', () => {
  it('names every Query and Mutation field of the schema, and nothing else', () => {
    const fields = (['Query', 'Mutation'] as const).flatMap((type) => Object.keys(schema.getType(type) ? (schema.getType(type) as any).getFields() : {}).map((f) => `${type}.${f}`));
    expect(Object.keys(matrix).sort()).toEqual(fields.sort());
  });

  it('lets each role (and a request without a session) run exactly the operations the matrix allows', async () => {
    const mismatches: string[] = [];
    for (const [operation, entry] of Object.entries(matrix)) {
      for (const caller of callers) {
        const client = await clientFor(caller);
        const call = entry.call.replaceAll('ROLE', caller);
        const result = persistedOnly(caller) ? await client.gqlBody({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(call) } } }) : await client.gql(call);
        const codes = (result.errors ?? []).map((e) => e.extensions?.code);
        const refused = codes.includes('UNAUTHENTICATED') || codes.includes('FORBIDDEN');
        const allowed = entry.allowed.includes(caller);
        if (allowed === refused) mismatches.push(`${operation} as ${caller}: ${allowed ? 'refused' : 'allowed'} (${JSON.stringify(result.errors ?? result.data)})`);
        if (!allowed && refused) expect(result.status, `${operation} as ${caller}`).toBe(caller === 'anonymous' ? 401 : 403);
        if (endsSession.has(operation) && allowed) clients.delete(caller);
      }
    }
    expect(mismatches).toEqual([]);
  }, 300_000);

  it('refuses a document of their own to a viewer (403) and to a request without a session (401), for every operation', async () => {
    const wrongly: string[] = [];
    for (const caller of callers.filter(persistedOnly)) {
      const client = await clientFor(caller);
      for (const [operation, entry] of Object.entries(matrix)) {
        const result = await client.gql(entry.call.replaceAll('ROLE', caller));
        const expected = caller === 'anonymous' ? { status: 401, code: 'UNAUTHENTICATED' } : { status: 403, code: 'FORBIDDEN' };
        const got = { status: result.status, code: result.errors?.[0]?.extensions?.code };
        if (result.data !== undefined || JSON.stringify(got) !== JSON.stringify(expected)) wrongly.push(`${operation} as ${caller}: ${JSON.stringify(result)}`);
      }
    }
    expect(wrongly).toEqual([]);
  });

  it('refuses to everyone a root field added without a role decision (deny by default)', async () => {
    const undecided = makeExecutableSchema({
      typeDefs: [
        fs.readFileSync(path.resolve('server/modules/auth/auth.graphql'), 'utf8'),
        'type Query { decided: String @requiresScopes(scopes: [["investigator"]]) undecided: String }',
      ],
      resolvers: { Query: { decided: () => 'ok', undecided: () => 'leak' } },
    });
    const yoga = createYoga({
      schema: undecided,
      context: () => ({ session: { user: { name: 'x', role: 'investigator' } } }),
      plugins: authorizationPlugins(),
    });
    const ask = async (query: string) =>
      (await (await yoga.fetch('http://test/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })).json()) as any;
    expect((await ask('{ decided }')).data).toEqual({ decided: 'ok' });
    const leak = await ask('{ undecided }');
    expect(leak.data?.undecided).toBeUndefined();
    expect(leak.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('keeps the schema itself from anyone without a session: no introspection signed out', async () => {
    const anonymous = new ApiClient(fetchApi);
    const hidden = await anonymous.gql('{ __schema { queryType { name } } }');
    expect(hidden.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const disguised = await anonymous.gql('query { ...F } fragment F on Query { __type(name: "Company") { name } }');
    expect(disguised.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const investigator = await clientFor('investigator');
    const shown = await investigator.gql('{ __schema { queryType { name } } }');
    expect(shown.data?.__schema?.queryType.name, JSON.stringify(shown)).toBe('Query');
  });
});
