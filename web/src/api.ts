// Typed client for the GraphQL contract in server/modules/entities/entities.graphql.
// The shapes below mirror that SDL by hand: web/ talks HTTP only and imports nothing from server/.

export type EntityKind = 'COMPANY' | 'PERSON';
export type RelationshipType = 'HOLDS_SHARES' | 'LEGAL_REPRESENTATIVE_OF' | 'OFFICER_OF';

export interface EntitySummary {
  kind: EntityKind;
  key: string;
  name: string;
  identifier: string | null;
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
  errors?: { message: string; extensions?: { code?: unknown } }[];
}

async function request<T>(
  query: string,
  variables: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
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
    throw new ApiError(first.message, 'graphql', typeof code === 'string' ? code : null, response.status);
  }
  if (!response.ok) {
    throw new ApiError(`HTTP ${response.status}`, 'http', null, response.status);
  }
  if (!body || body.data == null) {
    throw new ApiError('Response without data', 'bad-response', null, response.status);
  }
  return body.data;
}

const SUMMARY = 'kind key name identifier status inactive address';
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
  const data = await request<{ search: EntitySummary[] }>(SEARCH_QUERY, { text, limit }, signal);
  return data.search;
}

export async function fetchCompany(key: string, signal?: AbortSignal): Promise<Company | null> {
  const data = await request<{ company: Company | null }>(COMPANY_QUERY, { key }, signal);
  return data.company;
}

export async function fetchNeighborhood(
  key: string,
  depth: number,
  limit?: number,
  signal?: AbortSignal,
): Promise<Network> {
  const data = await request<{ neighborhood: Network }>(NEIGHBORHOOD_QUERY, { key, depth, limit }, signal);
  return data.neighborhood;
}
