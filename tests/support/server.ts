import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Graph } from '../../cypher/run.ts';
import { Accounts } from '../../accounts/accounts.ts';
import type { Role } from '../../accounts/roles.ts';
import { AuditTrail } from '../../audit/trail.ts';
import type { ServerParts } from '../../server/context.ts';
import { Imports } from '../../server/uploads/imports.ts';
import { persistedOperationHashes, type Operations } from '../../web/src/api/generated.ts';
import { TEST_KEY_SECRET, TEST_SETTINGS } from './graph.ts';

/**
 * The server's parts over the test database — real accounts and a real audit trail (its key and
 * checkpoints in a temporary folder) — and an API client that signs in as a user of a role.
 */

export const TEST_PASSWORD = 'Test-password-2026!';

export interface TestServerParts extends ServerParts {
  accounts: Accounts;
  audit: AuditTrail;
  auditDir: string;
  /** The data directory of uploads and import reports (a temporary folder unless given). */
  dataDir: string;
}

export function testServerParts(graph: Graph, overrides: Partial<ServerParts> = {}): TestServerParts {
  const auditDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-audit-'));
  // Uploads and import reports go under the audit folder: the tests that remove it remove them too.
  const dataDir = path.join(auditDir, 'data');
  const audit = overrides.audit ?? new AuditTrail(graph, { key: crypto.randomBytes(32), checkpointDir: auditDir });
  return {
    graph,
    settings: TEST_SETTINGS,
    accounts: new Accounts(graph),
    audit,
    corsOrigins: [],
    jurisdictionEnforced: false,
    secureCookies: false,
    imports: new Imports({ graph, dataDir, secret: TEST_KEY_SECRET, maxUploadBytes: 2 * 1024 ** 3, audit }),
    ...overrides,
    auditDir,
    dataDir,
  } as TestServerParts;
}

/** A user of the role (name `test-<role>` unless given), created once, able to work at once. */
export async function ensureTestUser(accounts: Accounts, role: Role, options: { name?: string; jurisdiction?: string } = {}): Promise<string> {
  const name = options.name ?? `test-${role}`;
  if (!(await accounts.getUser(name))) {
    await accounts.createUser({ name, role, jurisdiction: options.jurisdiction ?? TEST_SETTINGS.jurisdiction, password: TEST_PASSWORD, mustChangePassword: false });
  }
  return name;
}

export interface GqlResponse {
  status: number;
  data?: Record<string, any>;
  errors?: { message: string; extensions?: { code?: string; reason?: string; [k: string]: unknown } }[];
}

type FetchLike = (url: string, init: RequestInit) => Promise<Response> | Response;

/** Talks to /graphql as a browser would: the session cookie it was given, the CSRF header. */
export class ApiClient {
  cookie: string | null = null;

  constructor(
    private readonly fetchFn: FetchLike,
    private readonly baseUrl = 'http://test',
  ) {}

  async post(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const response = await this.fetchFn(`${this.baseUrl.replace(/\/$/, '')}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-chuantou-csrf': '1', ...(this.cookie ? { cookie: this.cookie } : {}), ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const setCookie = response.headers.get('set-cookie');
    const session = setCookie ? /chuantou_session=([^;]*)/.exec(setCookie)?.[1] : undefined;
    if (session !== undefined) this.cookie = session ? `chuantou_session=${session}` : null;
    return response;
  }

  async gql(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GqlResponse> {
    return this.gqlBody({ query, variables }, headers);
  }

  async gqlBody(body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<GqlResponse> {
    const response = await this.post(body, headers);
    const text = await response.text();
    let json: Omit<GqlResponse, 'status'> = {};
    try {
      json = JSON.parse(text);
    } catch {
      json = { errors: [{ message: text }] };
    }
    return { status: response.status, ...json };
  }

  /** One of the web app's operations, sent as the app sends it: by its persisted hash, without the document. */
  async persisted<N extends keyof Operations>(name: N, variables: Operations[N]['variables'], headers: Record<string, string> = {}): Promise<GqlResponse> {
    return this.gqlBody({ operationName: name, variables, extensions: { persistedQuery: { version: 1, sha256Hash: persistedOperationHashes[name] } } }, headers);
  }

  /** Signing in as the app does: without a session only the app's persisted operations run. */
  async signIn(name: string, password = TEST_PASSWORD): Promise<GqlResponse> {
    return this.persisted('SignIn', { name, password });
  }
}

/** A client already signed in as a user of the role. */
export async function signedInClient(fetchFn: FetchLike, accounts: Accounts, role: Role, options: { name?: string; jurisdiction?: string; baseUrl?: string } = {}): Promise<ApiClient> {
  const name = await ensureTestUser(accounts, role, options);
  const client = new ApiClient(fetchFn, options.baseUrl);
  const result = await client.signIn(name);
  if (!result.data?.signIn?.ok) throw new Error(`test sign-in as ${name} failed: ${JSON.stringify(result)}`);
  return client;
}
