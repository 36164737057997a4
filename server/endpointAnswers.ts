import type http from 'node:http';
import type { SessionView } from '../accounts/types.ts';
import type { ServerParts } from './context.ts';
import { apiContentSecurityPolicy } from './hardening.ts';
import { sessionTokenFromCookies } from './sessionCookie.ts';

/**
 * What the plain HTTP endpoints beside the GraphQL API (uploads, rejects, exports) share: the
 * session a request's cookie names, and a JSON answer with the API's headers.
 */

/** The live session the request's cookie names, as the API finds it. */
export async function sessionOf(parts: ServerParts, req: http.IncomingMessage): Promise<SessionView | null> {
  const token = await sessionTokenFromCookies(req.headers.cookie);
  return token ? parts.accounts.session(token) : null;
}

/** A JSON answer; once the headers of a file went out, a failure can only cut the connection. */
export function answer(res: http.ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store', 'content-security-policy': apiContentSecurityPolicy });
  res.end(text);
}
