import type http from 'node:http';
import type { Role } from '../accounts/roles.ts';
import type { SessionView } from '../accounts/types.ts';
import type { ServerParts } from './context.ts';
import { apiErrors } from './errors.ts';
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

/** An endpoint's refusal: the HTTP status and the API's error code. */
export class Refusal<C extends string = string> extends Error {
  constructor(
    readonly status: number,
    readonly code: C,
    message: string,
  ) {
    super(message);
  }
}

/** The session's user when they may use the endpoint, or the refusal the API would give (401 without a session, 403 for another role or a password still to change). */
export function sessionWithRole(session: SessionView | null, roles: ReadonlySet<Role>): SessionView {
  if (!session) throw new Refusal(401, 'UNAUTHENTICATED', apiErrors.UNAUTHENTICATED);
  if (session.user.mustChangePassword) throw new Refusal(403, 'PASSWORD_CHANGE_REQUIRED', apiErrors.PASSWORD_CHANGE_REQUIRED);
  if (!roles.has(session.user.role)) throw new Refusal(403, 'FORBIDDEN', apiErrors.FORBIDDEN);
  return session;
}

export const auditUnavailable = () => new Refusal(503, 'AUDIT_UNAVAILABLE', '审计日志无法写入，操作未完成 / the audit trail cannot be written; the operation was not completed');
