// The analyses screen, in a real browser against the real app and the demo data: an investigator
// picks flagged-controllers from the list, runs it only for the firms registered in their
// jurisdiction (preset from their account) with the list types preset from the vocabulary, reloads (the parameters are in the address), opens 王建国's evidence — his chains with their
// percentages and the listing, highlighted on the network — exports the table, and saves the query
// as a report, which the API then has. A regulator sees the ID numbers in the results masked.

import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoApp } from '../../support/app.ts';
import { launchBrowser, SCREENSHOTS, signInToApp, watchPage } from '../../support/browser.ts';

// The demo's planted controller (demo/README.md): through chains of majorities behind three flagged firms.
const WANG = '王建国';
const WANG_ID = '320115196209225537';
const WANG_MASKED = '3201**********5537';
const XINRONG = '南京鑫融财富管理有限公司';
const REPORT_TITLE = `浏览器旅程-涉案企业控制人-${Date.now()}`;

async function openFlaggedControllers(page: Page): Promise<void> {
  await page.getByTestId('analysis-form').waitFor();
  // The list types come preset from the vocabulary: the flagging types, 非法集资案件 among them.
  await page.getByTestId('param-listTypes').getByText('非法集资案件').first().waitFor();
}

function wangRow(page: Page) {
  return page.locator('[data-testid="finding-row"]', { hasText: WANG });
}

export function analysesJourney(demoApp: () => DemoApp): void {
  describe('analyses (browser)', () => {
    let app: DemoApp;
    let browser: Browser;
    let page: Page;
    const pageErrors: string[] = [];
    const cspViolations: string[] = [];

    beforeAll(async () => {
      app = demoApp();
      browser = await launchBrowser();
      page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN', acceptDownloads: true });
      watchPage(page, pageErrors, cspViolations);
      mkdirSync(SCREENSHOTS, { recursive: true });
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('lists the analyses in Chinese, English on request, and presets a form’s jurisdiction from the signed-in investigator', async () => {
      await page.goto(`${app.url}analyses`, { waitUntil: 'domcontentloaded' });
      await signInToApp(page, await app.user('investigator'));
      const item = page.locator('[data-testid="analysis-item"][data-name="flagged-controllers"]');
      await item.waitFor();
      expect(await item.textContent()).toContain('多家涉案企业背后的控制人');
      expect(await page.getByTestId('analysis-item').count()).toBe(13);
      // English on request, Chinese again after.
      await page.getByTestId('lang-toggle').click();
      await item.getByText('Controllers behind several flagged firms').first().waitFor();
      await page.getByTestId('lang-toggle').click();
      await item.getByText('多家涉案企业背后的控制人').first().waitFor();

      await page.locator('[data-testid="analysis-item"][data-name="keyword-screen"]').getByTestId('analysis-open').click();
      await page.getByTestId('analysis-form').waitFor();
      // test-investigator's office is 320000 (tests/support/graph.ts TEST_SETTINGS).
      expect(await page.getByTestId('param-jurisdiction').locator('input').inputValue()).toBe('320000');
      await page.getByTestId('analyses-back').click();
      await item.waitFor();
    });

    it('runs flagged-controllers from its form, and a reload runs the same query from the address', async () => {
      await page.locator('[data-testid="analysis-item"][data-name="flagged-controllers"]').getByTestId('analysis-open').click();
      await openFlaggedControllers(page);
      await page.getByTestId('param-minFirms').locator('input').fill('3');
      // Only the flagged firms registered in the investigator's jurisdiction (preset: 320000).
      expect(await page.getByTestId('param-jurisdiction').locator('input').inputValue()).toBe('320000');
      await page.getByTestId('param-inJurisdiction').locator('.ant-select').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="是"]').click();
      await page.getByTestId('analysis-run').click();
      await page.waitForURL((url) => {
        const p = url.searchParams;
        return p.get('run') === '1' && p.get('minFirms') === '3' && p.get('inJurisdiction') === 'true' && p.get('jurisdiction') === '320000';
      });
      await wangRow(page).waitFor();
      // List types left as preset are not frozen into the query: the vocabulary's default applies.
      expect(new URL(page.url()).searchParams.has('listTypes')).toBe(false);
      expect(await page.getByTestId('analysis-list-types').textContent()).toContain('非法集资案件');
      const count = await page.getByTestId('finding-row').count();
      expect(count).toBeGreaterThanOrEqual(2);

      await page.reload({ waitUntil: 'domcontentloaded' });
      await wangRow(page).waitFor();
      expect(await page.getByTestId('finding-row').count()).toBe(count);
      expect(await page.getByTestId('param-minFirms').locator('input').inputValue()).toBe('3');
    });

    it('opens a finding’s evidence in one click: the chains with their percentages and the listing, highlighted on the network', async () => {
      const key = (await wangRow(page).first().getAttribute('data-finding-key'))!;
      expect(key).toMatch(/^P-/);
      await wangRow(page).first().getByTestId('finding-open').click();
      const evidence = page.getByTestId('finding-evidence');
      await evidence.waitFor();
      await page.waitForURL((url) => url.searchParams.get('finding') === key);
      expect(await evidence.getAttribute('data-finding-key')).toBe(key);
      const text = (await evidence.textContent()) ?? '';
      expect(text).toContain(WANG);
      expect(text).toContain(XINRONG);
      expect(text).toMatch(/\d+\.\d\d%/);
      expect(await evidence.locator('[data-testid="finding-chain"][data-kind="listing"]').count()).toBeGreaterThan(0);
      expect(await evidence.locator('[data-testid="chain-edge"][data-type="HOLDS_SHARES"], [data-testid="chain-edge"][data-type="CONTROLS"]').count()).toBeGreaterThan(0);

      // The network marks his entities as the path (the rest is faded), his own node among them.
      await page.locator('[data-testid="network"][data-layout-state="done"]').waitFor();
      const marked = await page.$$eval('[data-testid="network-nodes"] li[data-path]', (items) => items.map((li) => [li.getAttribute('data-key'), li.textContent]));
      expect(marked.map(([k]) => k)).toContain(key);
      expect(marked.map(([, name]) => name)).toContain(XINRONG);
      const all = await page.locator('[data-testid="network-nodes"] li').count();
      expect(all).toBeGreaterThan(marked.length);
      await page.screenshot({ path: join(SCREENSHOTS, 'analyses.png'), fullPage: true });
    });

    it('exports the table as CSV with the findings in it', async () => {
      await page.getByTestId('analysis-export').hover();
      const download = page.waitForEvent('download');
      await page.getByText('CSV', { exact: true }).click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/\.csv$/);
      const csv = readFileSync((await file.path())!, 'utf8');
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      expect(csv).toContain(WANG);
    });

    it('saves the query as a report and links to it; the API has the report with the same analysis and parameters', async () => {
      await page.getByTestId('save-as-report').click();
      await page.getByTestId('save-as-report-title').fill(REPORT_TITLE);
      await page.getByTestId('save-as-report-ok').click();
      const link = page.getByTestId('saved-report-link');
      await link.waitFor();
      expect(await link.textContent()).toBe(REPORT_TITLE);
      const id = (await link.getAttribute('data-report-id'))!;
      expect(await link.getAttribute('href')).toBe(`/reports/${encodeURIComponent(id)}`);

      const investigator = await app.client('investigator');
      const { data, errors } = await investigator.gql('query($id: ID!) { savedQuery(id: $id) { title analysis params } }', { id });
      expect(errors).toBeUndefined();
      expect(data!.savedQuery).toEqual({ title: REPORT_TITLE, analysis: 'flagged-controllers', params: { minFirms: '3', inJurisdiction: 'true', jurisdiction: '320000' } });
      expect(pageErrors).toEqual([]);
      expect(cspViolations).toEqual([]);
    });

    it('shows a regulator the ID numbers in the results masked', async () => {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
      const regulatorPage = await context.newPage();
      const errors: string[] = [];
      const csp: string[] = [];
      watchPage(regulatorPage, errors, csp);
      await regulatorPage.goto(`${app.url}analyses/flagged-controllers?minFirms=3&run=1`, { waitUntil: 'domcontentloaded' });
      await signInToApp(regulatorPage, await app.user('regulator'));
      const row = wangRow(regulatorPage).first();
      await row.waitFor();
      expect(await row.textContent()).toContain(WANG_MASKED);
      expect(await regulatorPage.content()).not.toContain(WANG_ID);
      expect(errors).toEqual([]);
      expect(csp).toEqual([]);
      await context.close();
    });
  });
}
