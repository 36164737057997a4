import type http from 'node:http';
import type { Plugin } from 'graphql-yoga';
import type { Accounts } from '../accounts/accounts.ts';
import type { SessionView } from '../accounts/types.ts';
import { sessionToken } from './sessionCookie.ts';

/**
 * Who is asking, settled once per request before the query is even validated: yoga validates
 * before it builds the resolvers' context, and validation already depends on the session
 * (introspection is for signed-in users; a refused query is recorded with its user).
 */
export interface RequestIdentity {
  session: SessionView | null;
  token: string | null;
  /** 查询事由 in force: given with this request (header x-chuantou-reason), else the session's. */
  reason: string | null;
  address: string | null;
}

const identities = new WeakMap<Request, RequestIdentity>();
const anonymous: RequestIdentity = { session: null, token: null, reason: null, address: null };

/** 查询事由 for one request: header x-chuantou-reason, percent-encoded UTF-8 (headers are Latin-1). */
function requestReason(request: Request): string | null {
  const raw = request.headers.get('x-chuantou-reason');
  if (!raw) return null;
  try {
    const text = decodeURIComponent(raw).trim();
    return text.length > 0 && text.length <= 500 ? text : null;
  } catch {
    return null;
  }
}

export function identityOf(request: Request | undefined): RequestIdentity {
  return (request && identities.get(request)) ?? anonymous;
}

export function requestIdentityPlugin(accounts: Accounts): Plugin<Record<string, unknown>, { req?: http.IncomingMessage }> {
  return {
    async onParams({ request, context }) {
      const token = await sessionToken(request);
      const session = token ? await accounts.session(token) : null;
      identities.set(request, {
        session,
        token: session ? token : null,
        reason: requestReason(request) ?? session?.reason ?? null,
        address: context.req?.socket.remoteAddress ?? null,
      });
    },
  };
}
