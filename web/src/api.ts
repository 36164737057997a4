// Typed client for the GraphQL contract in server/modules/entities/entities.graphql and
// server/modules/accounts/accounts.graphql. The shapes below mirror that SDL by hand: web/ talks
// HTTP only and imports nothing from server/.

import { SessionGate } from './session/sessionGate.ts';

export type EntityKind = 'COMPANY' | 'PERSON';
export type RelationshipType = 'HOLDS_SHARES' | 'LEGAL_REPRESENTATIVE_OF' | 'OFFICER_OF';

export interface EntitySummary {
  kind: EntityKind;
  key: string;
  name: string;
  identifier: string | null;
  /** A person's ID number: in full for an investigator who gave a 查询事由, masked for everyone else. */
  idNumber: string | null;
  status: string | null;
  /** The server's word on whether the firm has ended (吊销 or 注销): one definition, in model/. */
  inactive: boolean;
  address: string | null;
}

export interface Money {
  amountWan: number;
  currency: string;
  text: string;
}

export interface Shareholding {
  holder: EntitySummary;
  ratio: number | null;
  subscribedAmount: Money | null;
}

export interface Company {
  key: string;
  name: string;
  uscc: string | null;
  registrationNumber: string | null;
  keyUnverified: boolean;
  formerNames: string[];
  status: string | null;
  inactive: boolean;
  companyType: string | null;
  legalRepresentative: EntitySummary | null;
  registeredCapital: Money | null;
  establishedOn: string | null;
  registrationAuthority: string | null;
  registeredAddress: string | null;
  businessScope: string | null;
  regionCode: string | null;
  regionName: string | null;
  shareholders: Shareholding[];
  holdings: Shareholding[];
}

export interface NetworkNode {
  id: string;
  kind: EntityKind;
  label: string;
  status: string | null;
  inactive: boolean;
  center: boolean;
}

export interface NetworkEdge {
  id: string;
  type: RelationshipType;
  source: string;
  target: string;
  ratio: number | null;
  role: string | null;
}

export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  exhaustive: boolean;
  limitsHit: string[];
}

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

async function request<T>(query: string, variables: Record<string, unknown>, options: RequestOptions = {}): Promise<T> {
  for (;;) {
    const ticket = sessionGate.ticket();
    try {
      return await send<T>(query, variables, options.signal);
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

async function send<T>(query: string, variables: Record<string, unknown>, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(ENDPOINT, {
      method: 'POST',
      // The CSRF header: a cross-site form cannot set it, and a cross-site script may not without a preflight.
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-chuantou-csrf': '1' },
      credentials: 'same-origin',
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError(String(error), 'network');
  }

  let body: GraphQLResponse<T> | null = null;
  try {
    body = (await response.json()) as GraphQLResponse<T>;
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

const SUMMARY = 'kind key name identifier idNumber status inactive address';
const MONEY = 'amountWan currency text';

const SEARCH_QUERY = `query Search($text: String!, $limit: Int) {
  search(text: $text, limit: $limit) { ${SUMMARY} }
}`;

const COMPANY_QUERY = `query Company($key: ID!) {
  company(key: $key) {
    key name uscc registrationNumber keyUnverified formerNames status inactive companyType
    legalRepresentative { ${SUMMARY} }
    registeredCapital { ${MONEY} }
    establishedOn registrationAuthority registeredAddress businessScope regionCode regionName
    shareholders { holder { ${SUMMARY} } ratio subscribedAmount { ${MONEY} } }
    holdings { holder { ${SUMMARY} } ratio subscribedAmount { ${MONEY} } }
  }
}`;

const NEIGHBORHOOD_QUERY = `query Neighborhood($key: ID!, $depth: Int, $limit: Int) {
  neighborhood(key: $key, depth: $depth, limit: $limit) {
    nodes { id kind label status inactive center }
    edges { id type source target ratio role }
    exhaustive
    limitsHit
  }
}`;

export async function searchEntities(text: string, limit = 20, signal?: AbortSignal): Promise<EntitySummary[]> {
  const data = await request<{ search: EntitySummary[] }>(SEARCH_QUERY, { text, limit }, { signal });
  return data.search;
}

export async function fetchCompany(key: string, signal?: AbortSignal): Promise<Company | null> {
  const data = await request<{ company: Company | null }>(COMPANY_QUERY, { key }, { signal });
  return data.company;
}

export async function fetchNeighborhood(
  key: string,
  depth: number,
  limit?: number,
  signal?: AbortSignal,
): Promise<Network> {
  const data = await request<{ neighborhood: Network }>(NEIGHBORHOOD_QUERY, { key, depth, limit }, { signal });
  return data.neighborhood;
}

// Accounts and sessions (accounts.graphql). The session itself is an HttpOnly cookie the browser
// keeps and sends; no script here ever sees the token.

export type Role = 'sysadmin' | 'auditor' | 'investigator' | 'regulator' | 'viewer';
const ROLES: readonly Role[] = ['sysadmin', 'auditor', 'investigator', 'regulator', 'viewer'];

export interface Me {
  user: {
    name: string;
    displayName: string;
    role: Role;
    jurisdiction: string;
    mustChangePassword: boolean;
  };
  session: {
    expiresAt: string;
    /** 查询事由 given for this session. */
    reason: string | null;
  };
  /** Full ID numbers are shown to this session now (an investigator who gave a reason). */
  fullIdNumbers: boolean;
}

export type SignInResult =
  | { ok: true; me: Me }
  | {
      ok: false;
      /** BAD_CREDENTIALS, ACCOUNT_LOCKED or ACCOUNT_DISABLED. */
      code: string | null;
      /** The server's sentence, Chinese first. */
      message: string | null;
      lockedUntil: string | null;
    };

const ME = 'user { name displayName role jurisdiction mustChangePassword } session { expiresAt reason } fullIdNumbers';

interface MeWire extends Omit<Me, 'user'> {
  user: Omit<Me['user'], 'role'> & { role: string };
}

/** The schema's enum is upper-case (INVESTIGATOR); the app speaks the roles' own names. */
function meFromWire(wire: MeWire): Me {
  const role = wire.user.role.toLowerCase();
  if (!(ROLES as readonly string[]).includes(role)) {
    throw new ApiError(`Unknown role ${wire.user.role}`, 'bad-response');
  }
  return { ...wire, user: { ...wire.user, role: role as Role } };
}

/** Who is signed in; null when nobody is (no cookie, or the session has ended). */
export async function fetchMe(): Promise<Me | null> {
  try {
    const data = await request<{ me: MeWire | null }>(`query Me { me { ${ME} } }`, {}, { answersForSession: true });
    return data.me ? meFromWire(data.me) : null;
  } catch (error) {
    if (isUnauthenticated(error)) return null;
    throw error;
  }
}

export async function signIn(name: string, password: string): Promise<SignInResult> {
  const data = await request<{
    signIn: { ok: boolean; code: string | null; message: string | null; lockedUntil: string | null; me: MeWire | null };
  }>(
    `mutation SignIn($name: String!, $password: String!) {
      signIn(name: $name, password: $password) { ok code message lockedUntil me { ${ME} } }
    }`,
    { name, password },
    { answersForSession: true },
  );
  const result = data.signIn;
  if (result.ok && result.me) return { ok: true, me: meFromWire(result.me) };
  return { ok: false, code: result.code, message: result.message, lockedUntil: result.lockedUntil };
}

/** Ends this session; a session that had already ended counts as signed out. */
export async function signOut(): Promise<void> {
  try {
    await request<{ signOut: boolean }>('mutation SignOut { signOut }', {}, { answersForSession: true });
  } catch (error) {
    if (!isUnauthenticated(error)) throw error;
  }
}

export async function changePassword(oldPassword: string, newPassword: string): Promise<void> {
  await request<{ changePassword: boolean }>(
    'mutation ChangePassword($old: String!, $new: String!) { changePassword(oldPassword: $old, newPassword: $new) }',
    { old: oldPassword, new: newPassword },
    { answersForSession: true },
  );
}

/** Sets (or, with null, clears) the session's 查询事由; answers with the session as it now is. */
export async function setQueryReason(reason: string | null): Promise<Me> {
  const data = await request<{ setQueryReason: MeWire }>(
    `mutation SetQueryReason($reason: String) { setQueryReason(reason: $reason) { ${ME} } }`,
    { reason },
  );
  return meFromWire(data.setQueryReason);
}
