// The server survives any request: every abuse below gets a 4xx with a code (never a 500), the
// server keeps answering, and the case data in the store is what it was before the batch.

import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CypherError } from '../../cypher/run.ts';
import type { ServerParts } from '../../server/context.ts';
import { CSRF_HEADER, queryLimits } from '../../server/hardening.ts';
import { defaultHttpOptions, requestHandler } from '../../server/http.ts';
import { caseData, rawRequest, requestBytes, startSmallApp, type SmallApp } from '../support/rawHttp.ts';
import type { ApiClient, GqlResponse } from '../support/server.ts';

let app: SmallApp;
let investigator: ApiClient;
let before: string[];

beforeAll(async () => {
  app = await startSmallApp();
  investigator = await app.client('investigator');
  before = await caseData(app.parts.graph);
});
afterAll(() => app?.stop());

function codes(response: GqlResponse): (string | undefined)[] {
  return (response.errors ?? []).map((e) => e.extensions?.code);
}

/** A refused operation: a 4xx, the code expected, and no data. */
async function expectRefused(query: string, status: number, code: string, variables: Record<string, unknown> = {}) {
  const response = await investigator.gql(query, variables);
  expect({ status: response.status, codes: codes(response) }, JSON.stringify(response.errors)).toEqual({ status, codes: [code] });
  expect(response.data ?? null).toBeNull();
}

/** A selection nine levels deep through introspection types, the only recursive types the schema has. */
const deepTypeSelection = '__type(name: "Company") { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } }';

describe('query limits (graphql-armor) and the 2025 bypasses', () => {
  it('a query deeper than the limit is refused with QUERY_TOO_DEEP', async () => {
    await expectRefused(`{ ${deepTypeSelection} }`, 400, 'QUERY_TOO_DEEP');
  });

  it('a fragment named __schema does not skip the depth limit', async () => {
    await expectRefused(`query { ...__schema } fragment __schema on Query { ${deepTypeSelection} }`, 400, 'QUERY_TOO_DEEP');
  });

  it('an operation named __schema does not skip the depth limit', async () => {
    await expectRefused(`query __schema { ${deepTypeSelection} }`, 400, 'QUERY_TOO_DEEP');
  });

  it('a fragment spread again deeper down counts from where it is spread, not from its first use', async () => {
    const query = `query { __type(name: "Company") { ...T fields { type { ofType { ofType { ...T } } } } } }
      fragment T on __Type { ofType { ofType { ofType { name } } } }`;
    await expectRefused(query, 400, 'QUERY_TOO_DEEP');
  });

  it('a fragment named __schema spread a hundred times does not skip the cost limit', async () => {
    const fields = 'key name uscc registrationNumber keyUnverified formerNames status inactive companyType establishedOn registrationAuthority registeredAddress businessScope regionCode regionName';
    const query = `query { company(key: "91320106MA1X000101") { ${'...__schema '.repeat(100)} } } fragment __schema on Company { ${fields} }`;
    await expectRefused(query, 400, 'QUERY_TOO_COSTLY');
  });

  it('a hundred aliases inside a fragment are refused with TOO_MANY_ALIASES, __typename ones too', async () => {
    const many = Array.from({ length: 100 }, (_, i) => `a${i}: __type(name: "Company") { name }`).join(' ');
    await expectRefused(`query { ...F } fragment F on Query { ${many} }`, 400, 'TOO_MANY_ALIASES');
    const typenames = Array.from({ length: 100 }, (_, i) => `t${i}: __typename`).join(' ');
    await expectRefused(`query { ...F } fragment F on Query { ${typenames} }`, 400, 'TOO_MANY_ALIASES');
  });

  it('a thousand aliases, or any query past the token limit, are refused with TOO_MANY_TOKENS', async () => {
    const thousand = Array.from({ length: 1000 }, (_, i) => `a${i}: __typename`).join(' ');
    await expectRefused(`query { ...F } fragment F on Query { ${thousand} }`, 400, 'TOO_MANY_TOKENS');
    await expectRefused(`{ ${'__typename '.repeat(queryLimits.maxTokens + 10)} }`, 400, 'TOO_MANY_TOKENS');
  });

  it('a flood of directives is refused with TOO_MANY_DIRECTIVES', async () => {
    await expectRefused(`{ ${'__typename @include(if: true) '.repeat(queryLimits.maxDirectives + 5)} }`, 400, 'TOO_MANY_DIRECTIVES');
  });

  it('introspection nested to walk the schema again and again is refused, under an alias too', async () => {
    await expectRefused('{ s: __schema { types { fields { type { fields { type { fields { type { name } } } } } } } } }', 400, 'GRAPHQL_VALIDATION_FAILED');
    await expectRefused('{ __type(name: "Company") { fields { type { fields { type { fields { name } } } } } } }', 400, 'GRAPHQL_VALIDATION_FAILED');
  });

  it('a legitimate query within the limits still answers', async () => {
    const response = await investigator.gql('{ company(key: "91320106MA1X000202") { name shareholders { holder { name } ratio } } }');
    expect(response.errors).toBeUndefined();
    expect(response.data!.company.name).toBe('南京乙投资管理有限公司');
  });
});

describe('malformed and oversized requests', () => {
  it('a batch (a JSON array of operations) is refused: batching is off', async () => {
    const response = await investigator.post([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('malformed JSON, malformed GraphQL and an unknown field are 400s with their codes', async () => {
    const json = await investigator.post('{"query": "{ __typename }"');
    expect(json.status).toBe(400);
    expect((await json.json()).errors[0].extensions.code).toBe('BAD_REQUEST');
    await expectRefused('{ search(text: ', 400, 'GRAPHQL_PARSE_FAILED');
    await expectRefused('{ nothingHere }', 400, 'GRAPHQL_VALIDATION_FAILED');
  });

  it('variables nested too deeply or too many are refused with VARIABLES_TOO_LARGE', async () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 50; i++) deep = [deep];
    await expectRefused('query($p: JSON) { runAnalysis(name: "paths", params: $p) { analysis } }', 400, 'VARIABLES_TOO_LARGE', { p: deep });
    await expectRefused('query($p: JSON) { runAnalysis(name: "paths", params: $p) { analysis } }', 400, 'VARIABLES_TOO_LARGE', {
      p: { entries: Array.from({ length: queryLimits.maxVariablesValues + 1 }, () => 0) },
    });
  });

  it('a body over the limit is refused with 413 as it arrives, announced or chunked', async () => {
    const big = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(defaultHttpOptions.maxBodyBytes) } });
    const announced = await investigator.post(big);
    expect(announced.status).toBe(413);
    expect((await announced.json()).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    const chunk = 'x'.repeat(64 * 1024);
    const chunks = Array.from({ length: 20 }, () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`).join('');
    const chunked = await rawRequest(app.port, requestBytes('POST', '/graphql', { 'content-type': 'application/json', [CSRF_HEADER]: '1', 'transfer-encoding': 'chunked' }, `${chunks}0\r\n\r\n`));
    expect(chunked.statuses[0]).toBe(413);
    expect(JSON.parse(chunked.body).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('the body limit follows the configuration', async () => {
    const small = await app.serve({ maxBodyBytes: 2048 });
    const response = await rawRequest(small.port, requestBytes('POST', '/graphql', { 'content-type': 'application/json', [CSRF_HEADER]: '1' }, JSON.stringify({ query: `{ __typename } # ${'x'.repeat(3000)}` })));
    expect(response.statuses).toEqual([413]);
  });

  it('a GET carrying a mutation is refused, and the mutation does not run', async () => {
    const response = await fetch(`${app.url}graphql?query=${encodeURIComponent('mutation { signOut }')}`, { headers: { [CSRF_HEADER]: '1', cookie: investigator.cookie! } });
    expect(response.status).toBe(405);
    expect((await response.json()).errors[0].extensions.code).toBe('BAD_REQUEST');
    const me = await investigator.gql('{ me { user { name } } }');
    expect(me.data?.me?.user?.name).toBe('test-investigator');
  });

  it('without the CSRF header, a GET or a form-like POST is refused with 403 CSRF_HEADER_MISSING', async () => {
    const get = await fetch(`${app.url}graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { cookie: investigator.cookie! } });
    expect(get.status).toBe(403);
    expect((await get.json()).errors[0].extensions.code).toBe('CSRF_HEADER_MISSING');
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded']) {
      const post = await fetch(`${app.url}graphql`, { method: 'POST', headers: { 'content-type': contentType, cookie: investigator.cookie! }, body: JSON.stringify({ query: 'mutation { signOut }' }) });
      expect(post.status).toBe(403);
      expect((await post.json()).errors[0].extensions.code).toBe('CSRF_HEADER_MISSING');
    }
    const withHeader = await fetch(`${app.url}graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { [CSRF_HEADER]: '1', cookie: investigator.cookie! } });
    expect(withHeader.status).toBe(200);
  });

  it('asking for a streamed answer (SSE, multipart) is refused with 406; JSON among others is chosen', async () => {
    for (const accept of ['text/event-stream', 'multipart/mixed', 'text/html']) {
      const response = await rawRequest(app.port, requestBytes('GET', '/graphql?query={__typename}', { accept, [CSRF_HEADER]: '1' }), 3000);
      expect(response.hung, accept).toBe(false);
      expect(response.statuses, accept).toEqual([406]);
      expect(JSON.parse(response.body).errors[0].extensions.code).toBe('NOT_ACCEPTABLE');
    }
    const mixed = await investigator.post({ query: '{ __typename }' }, { accept: 'multipart/mixed, text/event-stream, application/json' });
    expect(mixed.status).toBe(200);
    expect(await mixed.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('a content type yoga does not read is a 415 with a code', async () => {
    const response = await investigator.post('{ __typename }', { 'content-type': 'application/xml' });
    expect(response.status).toBe(415);
    expect((await response.json()).errors[0].extensions.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('paths and methods', () => {
  it.each(['/%E0%A4%A', '/%', '/%zz', '/assets/%E0%A4', '/%00', '/graphql%'])('%s is refused with 400 MALFORMED_PATH', async (target) => {
    const response = await rawRequest(app.port, requestBytes('GET', target));
    expect(response.statuses).toEqual([400]);
    expect(JSON.parse(response.body).errors[0].extensions.code).toBe('MALFORMED_PATH');
  });

  it.each(['/../../../../etc/passwd', '/..%2f..%2f..%2f..%2fetc%2fpasswd', '/assets/..%2f..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/package.json', '/..%5c..%5cpackage.json'])(
    '%s does not leave web/dist',
    async (target) => {
      const response = await rawRequest(app.port, requestBytes('GET', target));
      expect(response.statuses).toEqual([200]);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.body).not.toMatch(/root:|"name": "chuantou"/);
    },
  );

  it('a request target that is not a path is refused with 400', async () => {
    for (const target of ['*', 'http://elsewhere.example/']) {
      const response = await rawRequest(app.port, requestBytes('OPTIONS', target));
      expect(response.statuses).toEqual([400]);
      expect(JSON.parse(response.body).errors[0].extensions.code).toBe('BAD_REQUEST_TARGET');
    }
  });

  it('static files answer GET and HEAD only; /graphql GET and POST only', async () => {
    for (const [method, target] of [['POST', '/'], ['PUT', '/index.html'], ['DELETE', '/graphql'], ['PATCH', '/graphql']] as const) {
      const response = await rawRequest(app.port, requestBytes(method, target, {}, '{}'));
      expect(response.statuses, `${method} ${target}`).toEqual([405]);
      expect(JSON.parse(response.body).errors[0].extensions.code).toBe('METHOD_NOT_ALLOWED');
    }
    const head = await rawRequest(app.port, requestBytes('HEAD', '/'));
    expect(head.statuses).toEqual([200]);
    expect(head.body).toBe('');
  });

  it('a missing file under /assets/ is a 404, not the app page', async () => {
    const response = await rawRequest(app.port, requestBytes('GET', '/assets/missing.js'));
    expect(response.statuses).toEqual([404]);
  });

  it('a Host header yoga could not build a URL from is refused with BAD_HOST', async () => {
    for (const host of ['a b', '[zz', 'evil.example:99999']) {
      const response = await rawRequest(app.port, requestBytes('GET', '/graphql?query={__typename}', { host, [CSRF_HEADER]: '1' }));
      expect(response.statuses, host).toEqual([400]);
      expect(JSON.parse(response.body).errors[0].extensions.code).toBe('BAD_HOST');
    }
  });

  it('what is not HTTP at all, or headers too large, get coded 400 and 431', async () => {
    const garbage = await rawRequest(app.port, 'HELLO THERE\r\n\r\n');
    expect(garbage.statuses).toEqual([400]);
    expect(JSON.parse(garbage.body).errors[0].extensions.code).toBe('MALFORMED_REQUEST');
    const huge = await rawRequest(app.port, requestBytes('GET', '/', { 'x-padding': 'a'.repeat(20_000) }));
    expect(huge.statuses).toEqual([431]);
    expect(JSON.parse(huge.body).errors[0].extensions.code).toBe('HEADERS_TOO_LARGE');
  });
});

describe('time limits', () => {
  it('a client that never finishes its headers or its body gets 408 and is disconnected', async () => {
    const slow = await app.serve({ headersTimeoutMs: 500, requestTimeoutMs: 800 });
    const started = Date.now();
    const headers = await rawRequest(slow.port, 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ', 5000);
    expect(headers.hung).toBe(false);
    expect(headers.statuses).toEqual([408]);
    const body = await rawRequest(slow.port, requestBytes('POST', '/graphql', { 'content-type': 'application/json', [CSRF_HEADER]: '1', 'content-length': '100' }, '{"query":'), 5000);
    expect(body.hung).toBe(false);
    expect(body.statuses).toEqual([408]);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('the node server times the headers, and leaves the body to the per-route watch (uploads may take minutes)', () => {
    expect(app.server.headersTimeout).toBe(defaultHttpOptions.headersTimeoutMs);
    expect(app.server.requestTimeout).toBe(0);
  });

  it('a read past the query time limit answers QUERY_TIMEOUT, not an unexpected error', async () => {
    // Neo4j's own timeout is proved in tests/cypher/readTimeout.test.ts; here, that the API says so.
    const timingOut = new CypherError('QUERY_TIMEOUT', 'the query ran longer than 1 ms');
    const reads = { read: () => Promise.reject(timingOut), reading: () => Promise.reject(timingOut) };
    const given: number[] = [];
    const graph = { withTimeout: (ms: number) => (given.push(ms), reads) } as unknown as ServerParts['graph'];
    const hurried = await app.serve({ queryTimeoutMs: 1234 }, { graph });
    expect(given).toEqual([1234]);
    for (const query of ['{ runAnalysis(name: "shell-clusters") { analysis } }', '{ search(text: "南京") { nodes { entity { key } } } }']) {
      const response = await fetch(`${hurried.url}graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1', cookie: investigator.cookie! },
        body: JSON.stringify({ query }),
      });
      const body = (await response.json()) as GqlResponse;
      expect(response.status).toBeLessThan(500);
      expect(codes({ ...body, status: response.status }), query).toEqual(['QUERY_TIMEOUT']);
    }
    expect(hurried.logged).toEqual([]);
  });
});

describe('headers on every response', () => {
  it('the web app, its assets, the API and a refusal all carry the security headers', async () => {
    const page = await fetch(app.url);
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(await page.text())?.[1];
    expect(script).toBeDefined();
    const responses = [
      page,
      await fetch(`${app.url}${script!.slice(1)}`),
      await investigator.post({ query: '{ __typename }' }),
      await fetch(`${app.url}%E0%A4%A`),
    ];
    for (const response of responses) {
      expect(response.headers.get('x-content-type-options'), response.url).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    }
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(responses[2]!.headers.get('cache-control')).toBe('no-store');
    expect(responses[2]!.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('the built app has no inline script for the policy to block', async () => {
    const html = await (await fetch(app.url)).text();
    expect(html.match(/<script\b[^>]*>/g)!.every((tag) => /\bsrc=/.test(tag))).toBe(true);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });
});

describe('cross-site callers (CORS)', () => {
  it('with no origins configured, no Origin is echoed', async () => {
    const response = await investigator.post({ query: '{ __typename }' }, { origin: 'https://evil.example' });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('with origins configured, exactly those are allowed, with credentials, and no other', async () => {
    const allowed = 'https://portal.example.gov.cn';
    const cors = await app.serve({}, { corsOrigins: [allowed, 'https://other.example.gov.cn'] });
    const ask = (origin: string, method = 'POST') =>
      fetch(`${cors.url}graphql`, {
        method,
        headers: { origin, 'content-type': 'application/json', [CSRF_HEADER]: '1', 'access-control-request-method': 'POST' },
        body: method === 'POST' ? JSON.stringify({ query: '{ __typename }' }) : undefined,
      });
    const ok = await ask(allowed);
    expect(ok.headers.get('access-control-allow-origin')).toBe(allowed);
    expect(ok.headers.get('access-control-allow-credentials')).toBe('true');
    const preflight = await ask(allowed, 'OPTIONS');
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain(CSRF_HEADER);
    for (const origin of ['https://evil.example', 'null', `${allowed}.evil.example`]) {
      const refused = await ask(origin);
      expect(refused.headers.get('access-control-allow-origin'), origin).toBeNull();
    }
  });
});

describe('injection attempts', () => {
  it('Cypher, Lucene and HTML in a search are text: a JSON answer, the store untouched', async () => {
    for (const text of ["'}) MATCH (n) DETACH DELETE n //", '南京" OR name:* AND (', '<script>alert(1)</script>', '*:*', '\\']) {
      const response = await investigator.post({ query: 'query($t: String!) { search(text: $t) { nodes { entity { key } } } }', variables: { t: text } });
      expect(response.status, text).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/(graphql-response\+)?json/);
      const body = await response.json();
      expect(body.errors, text).toBeUndefined();
    }
  });
});

describe('an unexpected error', () => {
  it('is a logged 500 with a code, and the server goes on answering', async () => {
    const logged: string[] = [];
    const failing = { handleNodeRequestAndResponse: () => Promise.reject(new Error('boom')) } as unknown as Parameters<typeof requestHandler>[0];
    const noAccounts = {} as Parameters<typeof requestHandler>[1];
    const server = http.createServer(requestHandler(failing, noAccounts, { ...defaultHttpOptions, log: (line: string) => logged.push(line) }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      for (let i = 0; i < 2; i++) {
        const response = await rawRequest(port, requestBytes('POST', '/graphql', { 'content-type': 'application/json' }, '{"query":"{ __typename }"}'));
        expect(response.statuses).toEqual([500]);
        expect(JSON.parse(response.body).errors[0]).toEqual({ message: expect.any(String), extensions: { code: 'INTERNAL_ERROR' } });
        expect(response.body).not.toContain('boom');
      }
      expect(logged).toHaveLength(2);
      expect(logged[0]).toContain('boom');
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('after the whole batch', () => {
  it('the server still answers, logged no unexpected error, and the case data is unchanged', async () => {
    expect((await fetch(app.url)).status).toBe(200);
    const me = await investigator.gql('{ me { user { name } } }');
    expect(me.data?.me?.user?.name).toBe('test-investigator');
    expect(app.logged).toEqual([]);
    expect(await caseData(app.parts.graph)).toEqual(before);
  });
});
