import { CookieStore } from '@whatwg-node/cookie-store';

/**
 * The session cookie: HttpOnly (no script reads it, so a script injected through an imported
 * name cannot steal a session), SameSite=Strict (no other site's page sends it), Path=/, and no
 * Expires — it ends with the browser; the server ends it sooner by its idle and absolute timeouts.
 * Secure when the office serves the tool over HTTPS (CHUANTOU_SECURE_COOKIES).
 */
export const sessionCookieName = 'chuantou_session';

/** The session token a Cookie header carries, if it has the shape of one. */
export async function sessionTokenFromCookies(cookieHeader: string | null | undefined): Promise<string | null> {
  if (!cookieHeader) return null;
  const value = (await new CookieStore(cookieHeader).get(sessionCookieName))?.value;
  return typeof value === 'string' && /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : null;
}

export function sessionToken(request: Request): Promise<string | null> {
  return sessionTokenFromCookies(request.headers.get('cookie'));
}

export async function setSessionCookie(request: Request, token: string, secure: boolean): Promise<void> {
  await request.cookieStore?.set({ name: sessionCookieName, value: token, path: '/', domain: null, expires: null, httpOnly: true, sameSite: 'strict', secure });
}

/** An empty value that expired in 1970: the browser drops the cookie. */
export async function clearSessionCookie(request: Request, secure: boolean): Promise<void> {
  await request.cookieStore?.set({ name: sessionCookieName, value: '', path: '/', domain: null, expires: 0, httpOnly: true, sameSite: 'strict', secure });
}
