// The web app's client for the API. Every operation it runs is a persisted document in
// api/operations/*.graphql; the types below come from api/generated.ts, which `npm run codegen`
// writes from those documents and the server's schema. Nothing here is typed by hand, and web/
// imports nothing from server/: it talks HTTP only.

import type {
  CompanyQuery,
  EntityKind,
  EntitySummaryFieldsFragment,
  MeFieldsFragment,
  NeighborhoodQuery,
  OperationName,
  Operations,
  RelationshipType,
  Role as ApiRole,
  SearchHitFieldsFragment,
  SearchQuery,
  ShareholdingFieldsFragment,
  SignInMutation,
} from './api/generated.ts';
import { persistedOperationHashes } from './api/generated.ts';
import { SessionGate } from './session/sessionGate.ts';

export type { EntityKind, RelationshipType };
export type EntitySummary = EntitySummaryFieldsFragment;
export type SearchHit = SearchHitFieldsFragment;
export type SearchPage = SearchQuery['search'];
export type Shareholding = ShareholdingFieldsFragment;
export type Company = NonNullable<CompanyQuery['company']>;
export type Network = NeighborhoodQuery['neighborhood'];
export type NetworkNode = Network['nodes'][number];
export type NetworkEdge = Network['edges'][number];

/**
 * Why a request failed. `kind` lets the UI word the message in the reader's language;
 * for 'graphql' the server's own message is shown, since it says what to do.
 */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly kind: 'graphql' | 'http' | 'network' | 'bad-response',
    readonly code: string | null = null,
    readonly status: number | null = null,
    /** extensions.reason of an ACCOUNT_ERROR (PASSWORD_TOO_SHORT …): for programs; people read the message. */
    readonly reason: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

const ENDPOINT = '/graphql';

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: unknown; reason?: unknown } }[];
}

/** Requests that meet an ended session wait here until the user signs in again (see SessionGate). */
export const sessionGate = new SessionGate();

interface RequestOptions {
  signal?: AbortSignal;
  /**
   * Account calls (me, signIn, signOut, changePassword) answer the session question themselves:
   * for them UNAUTHENTICATED is an answer to show, not a reason to wait for a sign-in.
   */
  answersForSession?: boolean;
}

export async function request<N extends OperationName>(operation: N, variables: Operations[N]['variables'], options: RequestOptions = {}): Promise<Operations[N]['result']> {
  for (;;) {
    const ticket = sessionGate.ticket();
    try {
      return await send(operation, variables, options.signal);
    } catch (error) {
      if (options.answersForSession || !isUnauthenticated(error)) throw error;
      // Resolves after the user has signed in again; then the same request goes out once more.
      await sessionGate.waitForSignIn(ticket, options.signal);
    }
  }
}

export function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'UNAUTHENTICATED';
}

/**
 * One operation, by its persisted hash (extensions.persistedQuery, the protocol of yoga's
 * persisted-operations plugin): the server runs its own copy of the document, and a request
 * without a session may send nothing else.
 */
async function send<N extends OperationName>(operation: N, variables: Operations[N]['variables'], signal?: AbortSignal): Promise<Operations[N]['result']> {
  let response: Response;
  try {
    response = await fetch(ENDPOINT, {
      method: 'POST',
      // The CSRF header: a cross-site form cannot set it, and a cross-site script may not without a preflight.
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-chuantou-csrf': '1' },
      credentials: 'same-origin',
      body: JSON.stringify({
        operationName: operation,
        variables,
        extensions: { persistedQuery: { version: 1, sha256Hash: persistedOperationHashes[operation] } },
      }),
      signal,
    });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError(String(error), 'network');
  }

  let body: GraphQLResponse<Operations[N]['result']> | null = null;
  try {
    body = (await response.json()) as GraphQLResponse<Operations[N]['result']>;
  } catch (error) {
    if (isAbort(error)) throw error;
    // A proxy or crashed server may answer with HTML; report the status instead.
  }

  // GraphQL errors win over the HTTP status: yoga answers validation errors with 400 and a useful body.
  const first = body?.errors?.[0];
  if (first) {
    const code = first.extensions?.code;
    const reason = first.extensions?.reason;
    throw new ApiError(
      first.message,
      'graphql',
      typeof code === 'string' ? code : null,
      response.status,
      typeof reason === 'string' ? reason : null,
    );
  }
  if (!response.ok) {
    throw new ApiError(`HTTP ${response.status}`, 'http', null, response.status);
  }
  if (!body || body.data == null) {
    throw new ApiError('Response without data', 'bad-response', null, response.status);
  }
  return body.data;
}

/** A page of search hits; `after` is the previous page's pageInfo.endCursor. */
export async function searchEntities(text: string, first = 20, after: string | null = null, signal?: AbortSignal): Promise<SearchPage> {
  const data = await request('Search', { text, first, after }, { signal });
  return data.search;
}

export async function fetchCompany(key: string, signal?: AbortSignal): Promise<Company | null> {
  const data = await request('Company', { key }, { signal });
  return data.company;
}

export async function fetchNeighborhood(key: string, depth: number, limit?: number, signal?: AbortSignal): Promise<Network> {
  const data = await request('Neighborhood', { key, depth, limit }, { signal });
  return data.neighborhood;
}

// Accounts and sessions (accounts.graphql). The session itself is an HttpOnly cookie the browser
// keeps and sends; no script here ever sees the token.

/** The schema's enum is upper-case (INVESTIGATOR); the app speaks the roles' own names. */
export type Role = Lowercase<ApiRole>;

/** Who is signed in, as the app keeps it: the API's answer with the role in the app's spelling. */
export type Me = Omit<MeFieldsFragment, 'user'> & { user: Omit<MeFieldsFragment['user'], 'role'> & { role: Role } };

type SignInAnswer = SignInMutation['signIn'];

export type SignInResult =
  | { ok: true; me: Me }
  /** code: BAD_CREDENTIALS, ACCOUNT_LOCKED or ACCOUNT_DISABLED; message: the server's sentence, Chinese first. */
  | ({ ok: false } & Pick<SignInAnswer, 'code' | 'message' | 'lockedUntil'>);

function meFromWire(wire: MeFieldsFragment): Me {
  return { ...wire, user: { ...wire.user, role: wire.user.role.toLowerCase() as Role } };
}

/** Who is signed in; null when nobody is (no cookie, or the session has ended). */
export async function fetchMe(): Promise<Me | null> {
  try {
    const data = await request('Me', {}, { answersForSession: true });
    return data.me ? meFromWire(data.me) : null;
  } catch (error) {
    if (isUnauthenticated(error)) return null;
    throw error;
  }
}

export async function signIn(name: string, password: string): Promise<SignInResult> {
  const data = await request('SignIn', { name, password }, { answersForSession: true });
  const result = data.signIn;
  if (result.ok && result.me) return { ok: true, me: meFromWire(result.me) };
  return { ok: false, code: result.code, message: result.message, lockedUntil: result.lockedUntil };
}

/** Ends this session; a session that had already ended counts as signed out. */
export async function signOut(): Promise<void> {
  try {
    await request('SignOut', {}, { answersForSession: true });
  } catch (error) {
    if (!isUnauthenticated(error)) throw error;
  }
}

export async function changePassword(oldPassword: string, newPassword: string): Promise<void> {
  await request('ChangePassword', { oldPassword, newPassword }, { answersForSession: true });
}

/** Sets (or, with null, clears) the session's 查询事由; answers with the session as it now is. */
export async function setQueryReason(reason: string | null): Promise<Me> {
  const data = await request('SetQueryReason', { reason });
  return meFromWire(data.setQueryReason);
}
