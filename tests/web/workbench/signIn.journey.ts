// Signing in, in a real browser against the real app: nothing but the sign-in form without a
// session; the server's own words when it refuses; each role lands on its screen; a session that
// ends mid-work brings the form over the work without losing it; signing out ends the session on
// the server too; the password can be changed from the account menu. No style the app needs is
// blocked by the server's Content-Security-Policy. One browser and one page load: the steps below
// follow each other on that page.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoApp } from '../../support/app.ts';
import { launchBrowser, SCREENSHOTS, signInToSearch, submitSignIn, watchPage } from '../../support/browser.ts';
import { TEST_SETTINGS } from '../../support/graph.ts';
import { ensureTestUser, TEST_PASSWORD } from '../../support/server.ts';


const WEALTH = '南京鑫融财富管理有限公司';
const INVESTMENT = '南京鑫融投资管理有限公司';
const HUIJIN = '江苏汇金控股集团有限公司';
// 王建国 of the demo, who holds 80% of 汇金.
const WANG_ID = '320115196209225537';
const REASON = '（2026）苏公经立字第 12 号 <b>核查</b>';

/** Asks the API as the browser would, with the given session cookie (or the page's own). */
async function meWithCookie(url: string, cookie: string) {
  const response = await fetch(new URL('/graphql', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-chuantou-csrf': '1', cookie: `chuantou_session=${cookie}` },
    body: JSON.stringify({ query: '{ me { user { name } session { reason } fullIdNumbers } }' }),
  });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] } };
}

/** The server's view of the session the cookie names; fails with the server's answer if there is none. */
async function serverMe(url: string, cookie: string) {
  const { status, body } = await meWithCookie(url, cookie);
  if (!body.data?.me) throw new Error(`no session on the server (HTTP ${status}): ${JSON.stringify(body)}`);
  return body.data.me as { user: { name: string }; session: { reason: string | null }; fullIdNumbers: boolean };
}

async function sessionCookie(page: Page): Promise<string> {
  const cookie = (await page.context().cookies()).find((c) => c.name === 'chuantou_session');
  if (!cookie?.value) throw new Error('no session cookie in the browser');
  return cookie.value;
}

async function shownIds(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid="search-results"] .result-id', (items) => items.map((el) => el.textContent ?? ''));
}

export function signInJourney(demoApp: () => DemoApp): void {
  describe('signing in (browser)', () => {
    let app: DemoApp;
    let browser: Browser;
    let page: Page;
    let investigator: string;
    const pageErrors: string[] = [];
    const cspViolations: string[] = [];

    beforeAll(async () => {
      app = demoApp();
      investigator = await app.user('investigator');
      browser = await launchBrowser();
      page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
      watchPage(page, pageErrors, cspViolations);
      mkdirSync(SCREENSHOTS, { recursive: true });
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('shows only the sign-in form without a session, and stays on it with the server’s message after a wrong password', async () => {
      await page.goto(app.url, { waitUntil: 'domcontentloaded' });
      await page.getByTestId('sign-in-screen').waitFor();
      expect(await page.getByTestId('search-input').count()).toBe(0);

      await submitSignIn(page, investigator, 'not-the-password-1');
      const error = page.getByTestId('sign-in-error');
      await error.waitFor();
      expect(await error.getAttribute('data-code')).toBe('BAD_CREDENTIALS');
      expect(await error.textContent()).toContain('用户名或密码错误');
      expect(await page.getByTestId('sign-in-screen').isVisible()).toBe(true);
      expect(await page.getByTestId('search-input').count()).toBe(0);
      await page.screenshot({ path: join(SCREENSHOTS, 'signin.png') });
    });

    it('says until when a locked account is locked, and that a disabled account is disabled', async () => {
      const locked = await ensureTestUser(app.parts.accounts, 'viewer', { name: 'test-locked' });
      for (let i = 0; i < app.parts.accounts.policy.lockoutAttempts; i++) await app.parts.accounts.signIn(locked, 'not-the-password');
      await submitSignIn(page, locked);
      const error = page.locator('[data-testid="sign-in-error"][data-code="ACCOUNT_LOCKED"]');
      await error.waitFor();
      expect(await error.textContent()).toContain('锁定');
      expect(await page.getByTestId('sign-in-locked-until').textContent()).toMatch(/锁定将于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 解除/);

      const disabled = await ensureTestUser(app.parts.accounts, 'viewer', { name: 'test-disabled' });
      await app.parts.accounts.updateUser(disabled, { disabled: true });
      await submitSignIn(page, disabled);
      const refused = page.locator('[data-testid="sign-in-error"][data-code="ACCOUNT_DISABLED"]');
      await refused.waitFor();
      expect(await refused.textContent()).toContain('停用');
      expect(await page.getByTestId('search-input').count()).toBe(0);
    });

    it('signs an investigator in to a working search, with name and role in the header', async () => {
      await signInToSearch(page, investigator);
      expect(await page.getByTestId('account-role').textContent()).toBe('侦查员');

      await page.getByTestId('search-input').fill('鑫融');
      await page.locator('[data-testid="result-name"]', { hasText: WEALTH }).first().waitFor();
      await page.locator('[data-testid="result-name"]', { hasText: INVESTMENT }).first().waitFor();
    });

    it('sets and clears the 查询事由 from the header: full ID numbers with it, masked without', async () => {
      const search = page.getByTestId('search-input');
      await search.fill('王建国');
      // His row, not the rows of the previous search: his number ends as his full one does.
      await page.waitForFunction(() =>
        [...document.querySelectorAll('[data-testid="search-results"] .result-id')].some((el) => el.textContent?.endsWith('5537')),
      );
      const masked = await shownIds(page);
      expect(masked).toContain('3201**********5537');
      expect(masked).not.toContain(WANG_ID);

      await page.getByTestId('account-menu').click();
      await page.getByTestId('reason-edit').click();
      await page.getByTestId('reason-input').fill(REASON);
      await page.getByTestId('reason-save').click();
      const status = page.locator('[data-testid="reason-status"][data-full="true"]');
      await status.waitFor();
      // Shown as the text it is: the markup in the reason is not markup on the page.
      expect(await status.textContent()).toContain(REASON);
      expect(await serverMe(app.url, await sessionCookie(page))).toMatchObject({ session: { reason: REASON }, fullIdNumbers: true });
      // The results are asked for again under the new rule.
      await page.waitForFunction(
        (id) => [...document.querySelectorAll('[data-testid="search-results"] .result-id')].some((el) => el.textContent === id),
        WANG_ID,
      );

      await page.getByTestId('account-menu').click();
      await page.getByTestId('reason-clear').click();
      await page.locator('[data-testid="reason-status"][data-full="false"]').waitFor();
      await page.waitForFunction(
        (id) => {
          const ids = [...document.querySelectorAll('[data-testid="search-results"] .result-id')].map((el) => el.textContent);
          return ids.length > 0 && !ids.includes(id);
        },
        WANG_ID,
      );
      expect(await serverMe(app.url, await sessionCookie(page))).toMatchObject({ session: { reason: null }, fullIdNumbers: false });
    });

    it('brings the sign-in form over the work when the session ends on the server, and carries on after signing in again', async () => {
      await app.parts.accounts.signOutEverywhere(investigator);

      const search = page.getByTestId('search-input');
      await search.fill('汇金');
      const overlay = page.getByTestId('session-overlay');
      await overlay.waitFor();
      await page.screenshot({ path: join(SCREENSHOTS, 'session-overlay.png') });
      // The work is still there under the overlay: the search text, its address, the 查询事由 state.
      expect(await search.inputValue()).toBe('汇金');
      expect(new URL(page.url()).searchParams.get('q')).toBe('汇金');
      expect(await page.getByTestId('home').isVisible()).toBe(true);
      expect(await overlay.getByTestId('sign-in-name').inputValue()).toBe(investigator);

      await submitSignIn(page, null);
      await overlay.waitFor({ state: 'detached' });
      // The search that met the ended session went out again after the sign-in.
      await page.locator('[data-testid="result-name"]', { hasText: HUIJIN }).first().waitFor();
      expect(await search.inputValue()).toBe('汇金');
      expect(new URL(page.url()).searchParams.get('q')).toBe('汇金');
    });

    it('signs out to the sign-in page, and the server refuses the old cookie', async () => {
      const cookie = await sessionCookie(page);
      expect((await serverMe(app.url, cookie)).user.name).toBe(investigator);

      await page.getByTestId('account-menu').click();
      await page.getByTestId('sign-out').click();
      await page.getByTestId('sign-in-screen').waitFor();
      expect(await page.getByTestId('sign-in-notice').textContent()).toBe('您已退出登录。');
      expect(await page.getByTestId('search-input').count()).toBe(0);

      const after = await meWithCookie(app.url, cookie);
      expect(after.status).toBe(401);
      expect(after.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('lands an auditor on the audit log with a menu of the audit log alone, and no search', async () => {
      await submitSignIn(page, await app.user('auditor'));
      await page.getByTestId('audit-log').waitFor();
      expect(new URL(page.url()).pathname).toBe('/audit');
      expect(await page.getByTestId('account-role').textContent()).toBe('安全审计员');
      expect(await page.getByTestId('main-menu').locator('[data-testid^="nav-"]').evaluateAll((links) => links.map((l) => l.getAttribute('data-testid')))).toEqual(['nav-auditLog']);
      expect(await page.getByTestId('search-input').count()).toBe(0);
      expect(await page.getByTestId('reason').count()).toBe(0);

      await page.getByTestId('account-menu').click();
      await page.getByTestId('sign-out').click();
      await page.getByTestId('sign-in-screen').waitFor();
    });

    it('asks for a new password before any work when the account requires one, showing the server’s reason for a refused one', async () => {
      const newcomer = 'test-newcomer';
      await app.parts.accounts.createUser({ name: newcomer, role: 'regulator', jurisdiction: TEST_SETTINGS.jurisdiction, password: TEST_PASSWORD, mustChangePassword: true });
      await submitSignIn(page, newcomer);
      await page.getByTestId('change-password-screen').waitFor();
      expect(await page.getByTestId('search-input').count()).toBe(0);

      const fill = async (oldPassword: string, newPassword: string, repeated: string) => {
        await page.getByTestId('password-old').fill(oldPassword);
        await page.getByTestId('password-new').fill(newPassword);
        await page.getByTestId('password-repeat').fill(repeated);
        await page.getByTestId('password-submit').click();
      };
      await fill(TEST_PASSWORD, 'Newcomer-2026!', 'Newcomer-2026?');
      expect(await page.getByTestId('change-password-error').textContent()).toBe('两次输入的新密码不一致。');

      await fill(TEST_PASSWORD, 'Short-1', 'Short-1');
      const refused = page.locator('[data-testid="change-password-error"][data-code="ACCOUNT_ERROR"]');
      await refused.waitFor();
      expect(await refused.textContent()).toContain('密码太短');

      await fill(TEST_PASSWORD, 'Newcomer-password-2026!', 'Newcomer-password-2026!');
      await page.getByTestId('search-input').waitFor();
      expect(await page.getByTestId('account-role').textContent()).toBe('监管人员');
      expect(await page.getByTestId('reason').count()).toBe(0);
      expect((await app.parts.accounts.getUser(newcomer))?.mustChangePassword).toBe(false);
    });

    it('changes the password from the account menu at its own address, and carries on in the same session', async () => {
      await page.getByTestId('account-menu').click();
      await page.getByTestId('menu-change-password').click();
      await page.getByTestId('account-password-screen').waitFor();
      expect(new URL(page.url()).pathname).toBe('/account/password');

      await page.getByTestId('password-old').fill('Newcomer-password-2026!');
      await page.getByTestId('password-new').fill('Newcomer-password-2027!');
      await page.getByTestId('password-repeat').fill('Newcomer-password-2027!');
      await page.getByTestId('password-submit').click();
      await page.getByTestId('search-input').waitFor();
      expect(new URL(page.url()).pathname).toBe('/');
      expect((await app.parts.accounts.signIn('test-newcomer', 'Newcomer-password-2027!')).ok).toBe(true);
      expect(pageErrors).toEqual([]);
      expect(cspViolations).toEqual([]);
    });
  });
}
