// Imports in a real browser against the real app and the demo data: an investigator uploads a
// small registration file with one bad row, sees the kind and the column mapping the server
// detected, starts the import, reads the summary with the bad row's warning and reject, downloads
// the rejects file, finds the imported firm's profile, retracts the run and the firm is gone.
// A regulator has no imports menu, gets the 403 page at /imports, and the server refuses them too.

import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoApp } from '../../support/app.ts';
import { launchBrowser, SCREENSHOTS, signInToApp, watchPage } from '../../support/browser.ts';

const FIXTURE = resolve('tests/web/fixtures/imports-registrations.csv');
// Two new firms of the fixture (valid codes, names of their own, absent from the demo) and its bad row.
const IMPORTED_FIRM = '91320105MA7YDR001M';
const IMPORTED_NAME = '南京导入演练甲贸易有限公司';
const BAD_USCC = '91320105MA7YDR003X';
// The bad row is the file's fourth line: the header is line 1.
const BAD_ROW = '4';

export function importsJourney(demoApp: () => DemoApp): void {
  describe('imports (browser)', () => {
    let app: DemoApp;
    let browser: Browser;
    let page: Page;
    const pageErrors: string[] = [];
    const cspViolations: string[] = [];
    let runId = '';
    const at = (path: string) => new URL(path, app.url).href;

    beforeAll(async () => {
      app = demoApp();
      browser = await launchBrowser();
      page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
      watchPage(page, pageErrors, cspViolations);
      mkdirSync(SCREENSHOTS, { recursive: true });
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('uploads a registration file and shows the kind and column mapping the server detected, then starts it', async () => {
      await page.goto(app.url, { waitUntil: 'domcontentloaded' });
      await signInToApp(page, await app.user('investigator'));
      await page.getByTestId('nav-imports').click();
      await page.waitForURL((url) => url.pathname === '/imports');

      await page.getByTestId('upload-input').setInputFiles(FIXTURE);
      const card = page.getByTestId('upload-card');
      await card.waitFor();
      // The upload is in the address: a reload shows the same file and detection.
      expect(new URL(page.url()).searchParams.get('uploads')).toMatch(/^upl-/);
      expect(await card.getByTestId('detected-kind').textContent()).toBe('企业登记');
      expect(await card.getByTestId('detected-table').getAttribute('data-kind')).toBe('registrations');
      const mapping = await card.getByTestId('detected-mapping').textContent();
      expect(mapping).toContain('统一社会信用代码');
      expect(mapping).toContain('uscc');
      // The column no field reads is said to be left out.
      expect(await card.locator('.imports-unmatched').textContent()).toContain('备注');

      // Start waits for a reason, which the server records.
      expect(await page.getByTestId('upload-start').isDisabled()).toBe(true);
      await page.getByTestId('upload-reason').fill('浏览器测试 导入演练');
      await page.screenshot({ path: join(SCREENSHOTS, 'imports.png'), fullPage: true });
      await page.getByTestId('upload-start').click();
      await page.waitForURL((url) => /^\/imports\/run-/.test(url.pathname));
      runId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    });

    it('follows the run to its summary, with the bad row’s warning and reject coded and explained in Chinese', async () => {
      const root = page.locator(`[data-testid="import-run"][data-run-id="${runId}"]`);
      await page.locator('[data-testid="import-run"][data-status="completed"]').waitFor({ timeout: 60_000 });
      const summary = await root.getByTestId('import-summary').textContent();
      expect(summary).toContain('imports-registrations.csv');
      expect(summary).toContain('企业登记');
      const files = root.getByTestId('import-files').locator('tbody tr');
      // File, kind, read, written, rejected.
      expect((await files.first().locator('td').allTextContents()).slice(2, 5)).toEqual(['3', '2', '1']);

      const warning = root.locator('[data-testid="import-warning"][data-code="USCC_CHECK_FAILED"]');
      expect(await warning.textContent()).toContain('统一社会信用代码校验位错误');
      const reject = root.locator('[data-testid="import-reject"][data-code="USCC_CHECK_FAILED"]');
      expect(await reject.getAttribute('data-row')).toBe(BAD_ROW);
      const rejectText = await reject.textContent();
      expect(rejectText).toContain(BAD_USCC);
      expect(rejectText).toContain('imports-registrations.csv');
      await page.screenshot({ path: join(SCREENSHOTS, 'import-run.png'), fullPage: true });
    });

    it('downloads the rejects file, which names the bad row', async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-rejects-download').click()]);
      const text = readFileSync((await download.path())!, 'utf8');
      expect(download.suggestedFilename()).toBe(`${runId}-rejects.csv`);
      const line = text.split('\n').find((l) => l.includes(BAD_USCC));
      expect(line).toBeDefined();
      expect(line!.split(',').slice(2, 3)).toEqual([BAD_ROW]);
      expect(line).toContain('USCC_CHECK_FAILED');
    });

    it('lists the run among the recent runs with who started it, and the imported firm has its profile', async () => {
      await page.getByTestId('nav-imports').click();
      const row = page.locator(`[data-testid="import-run-row"][data-run-id="${runId}"]`);
      await row.waitFor();
      const text = await row.textContent();
      expect(text).toContain('test-investigator');
      expect(text).toContain('imports-registrations.csv');
      expect(text).toContain('已完成');

      await page.goto(at(`/entity/${IMPORTED_FIRM}`));
      expect(await page.getByTestId('profile-name').textContent()).toContain(IMPORTED_NAME);
    });

    it('retracts the run after a confirmation with a reason, and the firm it brought is gone', async () => {
      await page.goto(at(`/imports/${runId}`));
      await page.getByTestId('import-retract').click();
      const confirm = page.getByTestId('import-retract-confirm');
      expect(await confirm.isDisabled()).toBe(true);
      await page.getByTestId('import-retract-reason').fill('演练结束，撤销');
      await confirm.click();
      await page.locator('[data-testid="import-run"][data-status="retracted"]').waitFor();
      expect(await page.getByTestId('import-retracted').textContent()).toContain('test-investigator');

      await page.goto(at(`/entity/${IMPORTED_FIRM}`));
      await page.getByTestId('profile-not-found').waitFor();
      const investigator = await app.client('investigator');
      const { data } = await investigator.gql('query($k: ID!) { company(key: $k) { name } }', { k: IMPORTED_FIRM });
      expect(data?.company ?? null).toBeNull();
      const audited = await app.parts.audit.list({ operation: 'retractImport' });
      expect(audited.some((e) => JSON.stringify(e.params).includes(runId))).toBe(true);
      expect(pageErrors).toEqual([]);
      expect(cspViolations).toEqual([]);
    });

    it('gives a regulator no imports menu and the 403 page at /imports, and the server refuses them', async () => {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
      const regulatorPage = await context.newPage();
      const errors: string[] = [];
      const csp: string[] = [];
      watchPage(regulatorPage, errors, csp);
      try {
        await regulatorPage.goto(app.url, { waitUntil: 'domcontentloaded' });
        await signInToApp(regulatorPage, await app.user('regulator'));
        await regulatorPage.getByTestId('nav-home').waitFor();
        expect(await regulatorPage.getByTestId('nav-imports').count()).toBe(0);
        await regulatorPage.goto(at('/imports'), { waitUntil: 'domcontentloaded' });
        await regulatorPage.getByTestId('forbidden-page').waitFor();
        expect(await regulatorPage.getByTestId('imports-screen').count()).toBe(0);
        expect(errors).toEqual([]);
        expect(csp).toEqual([]);
      } finally {
        await context.close();
      }
      const regulator = await app.client('regulator');
      const runs = await regulator.gql('{ importRuns(first: 1) { nodes { id } } }');
      expect(runs.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });
}
