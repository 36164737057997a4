// Administration and the audit log in a real browser against the real app: a sysadmin lands on the
// accounts, creates an account whose one-time password signs in, and adds a list-type spelling that
// the next analysis run counts; a viewer is refused the analyses with the 403 page; the auditor
// lands on the audit log, has nothing else, and finds with the filters what the others did (the
// sysadmin's changes, the investigator's analysis runs with their 查询事由), exports it and sees
// the chain verified. One browser page: the users sign in and out of it one after another.

import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoApp } from '../../support/app.ts';
import { launchBrowser, SCREENSHOTS, signInToApp, watchPage } from '../../support/browser.ts';
import { ApiClient, type GqlResponse } from '../../support/server.ts';

const NEW_ACCOUNT = 'test-admin-journey-clerk';
// In the demo's list file, unknown to the shipped vocabulary: not counted until a sysadmin maps it.
const SPELLING = '风险提示名单';
const TIP_OFF = 'TIP_OFF';
const REASON = '（2026）苏公经立字第 77 号 审计旅程';
const RUN = `query($params: JSON) { runAnalysis(name: "flagged-controllers", params: $params) { listTypes } }`;

interface ListTypeUse {
  vocabularyVersion: number;
  counted: { listType: string; code: string | null; entries: number }[];
  notCounted: { listType: string; code: string | null; spellings: string[]; entries: number }[];
}

function listTypesOf(result: GqlResponse): ListTypeUse {
  expect(result.errors).toBeUndefined();
  return result.data!.runAnalysis.listTypes as ListTypeUse;
}

async function signOut(page: Page): Promise<void> {
  await page.getByTestId('account-menu').click();
  await page.getByTestId('sign-out').click();
  await page.getByTestId('sign-in-screen').waitFor();
}

async function menuKeys(page: Page): Promise<(string | null)[]> {
  return page.getByTestId('main-menu').locator('[data-testid^="nav-"]').evaluateAll((links) => links.map((l) => l.getAttribute('data-testid')));
}

/** The audit rows once the table shows entries of `actor` only: the answer to the filter, not the page before it. */
async function auditRowsOf(page: Page, actor: string): Promise<{ operation: string; actor: string }[]> {
  await page.waitForFunction((name) => {
    const rows = [...document.querySelectorAll('[data-testid="audit-row"]')];
    return rows.length > 0 && rows.every((r) => r.getAttribute('data-actor') === name) && !document.querySelector('[data-testid="audit-table"] .ant-spin-spinning');
  }, actor);
  return page.getByTestId('audit-row').evaluateAll((rows) => rows.map((r) => ({ operation: r.getAttribute('data-operation') ?? '', actor: r.getAttribute('data-actor') ?? '' })));
}

export function adminJourney(demoApp: () => DemoApp): void {
  describe('administration (browser)', () => {
    let app: DemoApp;
    let browser: Browser;
    let page: Page;
    let sysadmin: string;
    let investigator: ApiClient;
    const pageErrors: string[] = [];
    const cspViolations: string[] = [];

    beforeAll(async () => {
      app = demoApp();
      sysadmin = await app.user('sysadmin');
      investigator = await app.client('investigator');
      browser = await launchBrowser();
      page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
      watchPage(page, pageErrors, cspViolations);
      mkdirSync(SCREENSHOTS, { recursive: true });
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('lands a sysadmin on the accounts, and a created account signs in with the one-time password shown once', async () => {
      await page.goto(app.url, { waitUntil: 'domcontentloaded' });
      await signInToApp(page, sysadmin);
      await page.getByTestId('accounts-table').waitFor();
      expect(new URL(page.url()).pathname).toBe('/admin/accounts');
      expect(await menuKeys(page)).toEqual(['nav-accounts', 'nav-vocabularies']);
      await page.locator(`[data-testid="account-row"][data-name="${sysadmin}"]`).waitFor();

      await page.getByTestId('account-create').click();
      await page.getByTestId('account-field-name').fill(NEW_ACCOUNT);
      await page.getByTestId('account-field-display-name').fill('旅程 办事员');
      await page.getByTestId('account-field-role').click();
      await page.locator('.ant-select-item-option', { hasText: '查阅人员' }).click();
      await page.getByTestId('account-create-submit').click();
      const shown = page.locator(`[data-testid="one-time-password"][data-name="${NEW_ACCOUNT}"]`);
      await shown.waitFor();
      const password = (await shown.textContent()) ?? '';
      expect(password).toMatch(/^[A-Za-z2-9]{20}$/);
      await page.getByTestId('one-time-password-done').click();
      await shown.waitFor({ state: 'detached' });
      // Shown once: nowhere on the page after closing.
      expect(await page.content()).not.toContain(password);

      const row = page.locator(`[data-testid="account-row"][data-name="${NEW_ACCOUNT}"]`);
      await row.waitFor();
      expect(await row.getByTestId('account-role-tag').textContent()).toBe('查阅人员');
      expect(await row.getByTestId('account-status').textContent()).toContain('须修改密码');
      const newcomer = new ApiClient(fetch, app.url);
      const signedIn = await newcomer.signIn(NEW_ACCOUNT, password);
      expect(signedIn.data?.signIn).toMatchObject({ ok: true, me: { user: { name: NEW_ACCOUNT, role: 'VIEWER', mustChangePassword: true } } });

      // Disabled from the table: the server refuses the next sign-in.
      await row.getByTestId('account-disable').click();
      // The confirmation once it has opened (a click during its opening motion can miss), and gone after.
      const confirm = page.locator('.ant-popconfirm:visible');
      await confirm.waitFor();
      await confirm.locator('.ant-btn-primary').click();
      await confirm.waitFor({ state: 'hidden' });
      await row.getByTestId('account-status').filter({ hasText: '已停用' }).waitFor();
      expect((await new ApiClient(fetch, app.url).signIn(NEW_ACCOUNT, password)).data?.signIn).toMatchObject({ ok: false, code: 'ACCOUNT_DISABLED' });
      await page.screenshot({ path: join(SCREENSHOTS, 'admin-accounts.png') });
    });

    it('counts in the next analysis run a list-type spelling the sysadmin added', async () => {
      await investigator.persisted('SetQueryReason', { reason: REASON });
      const before = listTypesOf(await investigator.gql(RUN, { params: {} }));
      const unmapped = before.notCounted.find((n) => n.spellings.includes(SPELLING) || n.listType === SPELLING);
      expect(unmapped).toMatchObject({ code: null });
      const tipOffsBefore = before.counted.find((c) => c.code === TIP_OFF)?.entries ?? 0;

      await page.getByTestId('nav-vocabularies').click();
      const row = page.locator(`[data-testid="list-type-row"][data-code="${TIP_OFF}"]`);
      await row.waitFor();
      const version = Number(await page.getByTestId('vocab-version-current').getAttribute('data-version'));
      await row.getByTestId('vocab-word-add').click();
      await row.getByTestId('vocab-word-input').fill(SPELLING);
      await row.getByTestId('vocab-word-input').press('Enter');
      await row.getByTestId('vocab-word').filter({ hasText: SPELLING }).waitFor();
      expect(await page.getByTestId('vocab-save-bar').textContent()).toContain('待保存的修改：1 项');
      await page.getByTestId('vocab-reason').fill('金融局风险提示名单的写法');
      await page.getByTestId('vocab-save').click();
      await page.locator(`[data-testid="vocab-version-current"][data-version="${version + 1}"]`).waitFor();
      const latest = page.locator(`[data-testid="vocab-version"][data-version="${version + 1}"]`);
      await latest.waitFor();
      expect(await latest.textContent()).toContain(`${TIP_OFF}.spellings`);
      expect(await latest.textContent()).toContain(sysadmin);
      await page.screenshot({ path: join(SCREENSHOTS, 'vocabularies.png'), fullPage: true });

      const after = listTypesOf(await investigator.gql(RUN, { params: {} }));
      expect(after.vocabularyVersion).toBe(version + 1);
      expect(after.notCounted.some((n) => n.spellings.includes(SPELLING) || n.listType === SPELLING)).toBe(false);
      expect(after.counted.find((c) => c.code === TIP_OFF)?.entries).toBe(tipOffsBefore + unmapped!.entries);
      await signOut(page);
    });

    it('shows a viewer the 403 page for the analyses, with the way back to the reports', async () => {
      await signInToApp(page, await app.user('viewer'));
      await page.waitForURL((url) => url.pathname === '/reports');
      expect(await menuKeys(page)).toEqual(['nav-reports']);

      await page.goto(new URL('/analyses', app.url).href, { waitUntil: 'domcontentloaded' });
      const forbidden = page.getByTestId('forbidden-page');
      await forbidden.waitFor();
      expect(await forbidden.textContent()).toContain('不可访问');
      expect(await page.getByTestId('analysis-form').count()).toBe(0);
      expect(await page.getByTestId('forbidden-home').getAttribute('href')).toBe('/reports');
      await signOut(page);
    });

    it('lands the auditor on the audit log alone, where the filters find what the sysadmin and the investigator did', async () => {
      await signInToApp(page, await app.user('auditor'));
      await page.getByTestId('audit-table').waitFor();
      expect(new URL(page.url()).pathname).toBe('/audit');
      expect(await menuKeys(page)).toEqual(['nav-auditLog']);
      await page.locator('[data-testid="audit-verification"][data-ok="true"]').waitFor();

      await page.getByTestId('audit-filter-actor').locator('input').fill(sysadmin);
      await page.getByTestId('audit-filter-actor').locator('input').press('Enter');
      await page.waitForURL((url) => url.searchParams.get('actor') === sysadmin);
      const bySysadmin = await auditRowsOf(page, sysadmin);
      expect(bySysadmin.map((r) => r.operation)).toEqual(expect.arrayContaining(['createUser', 'updateUser', 'setListTypes']));

      const investigatorName = await app.user('investigator');
      await page.getByTestId('audit-filter-actor').locator('input').fill(investigatorName);
      await page.getByTestId('audit-filter-actor').locator('input').press('Enter');
      await page.waitForURL((url) => url.searchParams.get('actor') === investigatorName);
      await page.getByTestId('audit-filter-action').click();
      await page.locator('.ant-select-item-option', { hasText: '分析' }).click();
      await page.waitForURL((url) => url.searchParams.get('actor') === investigatorName && url.searchParams.get('action') === 'analysis');
      // The category holds more than runAnalysis (saved queries run, beneficial owners …, by the other journeys).
      await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="audit-row"]')].every((r) => r.getAttribute('data-action') === 'analysis'));
      const runs = await auditRowsOf(page, investigatorName);
      expect(runs.filter((r) => r.operation === 'runAnalysis:flagged-controllers').length).toBeGreaterThanOrEqual(2);

      await page.locator('[data-testid="audit-row"][data-operation="runAnalysis:flagged-controllers"]').first().click();
      const entry = page.getByTestId('audit-entry');
      await entry.waitFor();
      expect(await entry.getByTestId('audit-entry-reason').textContent()).toBe(REASON);
      expect(await entry.getByTestId('audit-entry-params').textContent()).toContain('flagged-controllers');
      await page.screenshot({ path: join(SCREENSHOTS, 'audit-log.png') });
      await page.locator('.ant-drawer-close').click();
      await entry.waitFor({ state: 'detached' });

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page
          .getByTestId('audit-export')
          .hover()
          .then(() => page.getByTestId('audit-export-csv').click()),
      ]);
      const csv = readFileSync((await download.path())!, 'utf8');
      expect(csv).toContain('runAnalysis:flagged-controllers');
      expect(csv).toContain(REASON);
      expect(csv).not.toContain('setListTypes');

      // Nothing else is the auditor's: the case data screens show the 403 page.
      await page.goto(new URL('/analyses', app.url).href, { waitUntil: 'domcontentloaded' });
      await page.getByTestId('forbidden-page').waitFor();
      expect(await page.getByTestId('forbidden-home').getAttribute('href')).toBe('/audit');
      expect(pageErrors).toEqual([]);
      expect(cspViolations).toEqual([]);
    });
  });
}
