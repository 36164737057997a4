import crypto from 'node:crypto';
import type http from 'node:http';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { Accounts } from '../accounts/accounts.ts';
import { CSRF_HEADER } from './hardening.ts';
import { arbitraryOperationRoles } from './persistedOperations.ts';
import { sessionTokenFromCookies } from './sessionCookie.ts';

/**
 * GraphiQL at /graphiql, for the signed-in roles that may send documents of their own, served
 * from the package (@graphql-yoga/render-graphiql bundles it): offices' networks reach no CDN.
 * The page is one inline script, so its Content-Security-Policy allows exactly that script by its
 * hash; the editor's workers run from blob: URLs and it injects its own styles. It sends the session cookie and the CSRF header
 * with every query, and the API authorizes, masks and records those queries like any other.
 */

let rendered: { html: string; csp: string } | null = null;

function page(): { html: string; csp: string } {
  if (rendered) return rendered;
  const html = renderGraphiQL({
    title: '穿透 Chuantou GraphiQL',
    endpoint: '/graphql',
    credentials: 'same-origin',
    additionalHeaders: { [CSRF_HEADER]: '1' },
    defaultQuery: '# 示例 / example\n{\n  me { user { name role jurisdiction } fullIdNumbers }\n}\n',
  });
  const hashes = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => `'sha256-${crypto.createHash('sha256').update(m[1]!).digest('base64')}'`);
  const csp = [
    "default-src 'none'",
    `script-src ${hashes.join(' ')}`,
    "style-src 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    'worker-src blob:',
    "connect-src 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
  rendered = { html, csp };
  return rendered;
}

/**
 * GET /graphiql: the page for a signed-in user whose role may send documents of its own
 * (persistedOperations.ts); anyone else is sent to the app, where a viewer works and a stranger signs in.
 */
export async function serveGraphiQL(accounts: Accounts, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const token = await sessionTokenFromCookies(req.headers.cookie);
  const session = token ? await accounts.session(token) : null;
  if (!session || !arbitraryOperationRoles.has(session.user.role)) {
    res.writeHead(303, { location: '/', 'cache-control': 'no-store' });
    res.end();
    return;
  }
  const { html, csp } = page();
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': csp });
  res.end(req.method === 'HEAD' ? undefined : html);
}
