// Reports and watches, in a real browser against the real app and the demo data. An investigator
// has saved the flagged-controllers screen and run it once (through the API); in the browser they
// open it and run it again, import a shareholder file through the imports screen that raises
// 王建国's share of 江苏汇金控股集团有限公司 from 80% to 90% — his effective share of two flagged firms
// 汇金 holds 60% of goes from 48% to 54%, across 50% — run it a third time, and the run's diff names
// the firm, the person and both figures. The PDF and the evidence bundle download under the
// server's names; the run is linked to a case, which opens it again; the report is shared with a
// named viewer, who signs in to the reports and sees it, and nothing else. The import run is
// retracted at the end, so the other journeys see the demo as it was.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoApp } from '../../support/app.ts';
import { launchBrowser, SCREENSHOTS, signInToApp, signInToSearch, watchPage } from '../../support/browser.ts';
import type { ApiClient } from '../../support/server.ts';

const TITLE = '报告旅程：涉案企业背后的控制人';
const HUIJIN_USCC = '913200004159528472';
const WANG = '王建国';
const CHUANGCHENG = '南京创诚财富管理有限公司';
const FUHUA = '南京富华投资管理有限责任公司';
// 汇金's holders as a later register gives them: 王建国 80% → 90%, 王丽华 20% → 10%.
const SHAREHOLDERS = [
  '企业统一社会信用代码,企业名称,股东名称,股东类型,股东证照号码,持股比例,认缴出资额',
  `${HUIJIN_USCC},江苏汇金控股集团有限公司,王建国,自然人股东,320115196209225537,90%,9000万元`,
  `${HUIJIN_USCC},江苏汇金控股集团有限公司,王丽华,自然人股东,320102196509257504,10%,1000万元`,
].join('\n');

function ok(result: { errors?: unknown[]; data?: Record<string, any> }): Record<string, any> {
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!;
}

/** Clicks one entry of the run's export menu and waits for the browser's download. */
async function exportRun(page: Page, format: string, into: string): Promise<{ download: Download; file: string }> {
  await page.getByTestId('export-menu').first().click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${format}`).click()]);
  const file = join(into, download.suggestedFilename());
  await download.saveAs(file);
  return { download, file };
}

export function reportsJourney(demoApp: () => DemoApp): void {
  describe('reports (browser)', () => {
    let app: DemoApp;
    let browser: Browser;
    let page: Page;
    let investigator: ApiClient;
    let queryId: string;
    let importRunId: string | null = null;
    const downloads = mkdtempSync(join(tmpdir(), 'chuantou-reports-'));
    const pageErrors: string[] = [];
    const cspViolations: string[] = [];

    beforeAll(async () => {
      app = demoApp();
      investigator = await app.client('investigator');
      const saved = ok(
        await investigator.gql('mutation($input: SavedQueryInput!) { saveQuery(input: $input) { id } }', {
          input: { title: TITLE, description: '汇金系排查 / the Huijin group', analysis: 'flagged-controllers', params: {} },
        }),
      ).saveQuery;
      queryId = saved.id;
      ok(await investigator.gql('mutation($id: ID!) { runSavedQuery(id: $id) { id } }', { id: queryId }));
      browser = await launchBrowser();
      page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
      watchPage(page, pageErrors, cspViolations);
      mkdirSync(SCREENSHOTS, { recursive: true });
    }, 60_000);

    afterAll(async () => {
      // The demo data is shared by every journey: the holdings this one changed are put back.
      if (importRunId) ok(await investigator.gql('mutation($r: ID!) { retractImport(runId: $r, reason: "报告旅程测试结束") { run { id status } } }', { r: importRunId }));
      await browser?.close();
      rmSync(downloads, { recursive: true, force: true });
    });

    it('lists the saved query with its analysis, last run and schedule, and opens it', async () => {
      await page.goto(app.url, { waitUntil: 'domcontentloaded' });
      await signInToSearch(page, await app.user('investigator'));
      await page.goto(new URL('/reports', app.url).href);
      const row = page.locator(`[data-testid="report-row"][data-report-id="${queryId}"]`);
      await row.waitFor();
      const text = (await row.textContent()) ?? '';
      expect(text).toContain(TITLE);
      expect(text).toContain('多家涉案企业背后的控制人');
      expect(text).toContain('第 1 次');
      expect(text).toContain('未监测');

      await row.getByTestId('report-link').click();
      await page.waitForURL((url) => url.pathname === `/reports/${queryId}`);
      await page.locator('[data-testid="run-row"][data-run-number="1"]').waitFor();
    });

    it('runs the query now and again after an import that raises a controller’s share, and the diff names the firm, the person and both figures', async () => {
      await page.getByTestId('report-run-now').click();
      await page.locator('[data-testid="run-row"][data-run-number="2"]').waitFor();

      // The import, through the imports screen as an investigator does it.
      await page.getByTestId('nav-imports').click();
      await page.locator('[data-testid="upload-input"] input[type=file], input[type=file][data-testid="upload-input"]').setInputFiles({
        name: '汇金股东变更.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(SHAREHOLDERS, 'utf8'),
      });
      const card = page.getByTestId('upload-card');
      await card.waitFor();
      await card.getByTestId('upload-reason').fill('报告旅程：股东变更');
      await card.getByTestId('upload-start').click();
      const run = page.locator('[data-testid="import-run"][data-status="completed"]');
      await run.waitFor({ timeout: 60_000 });
      importRunId = await run.getAttribute('data-run-id');

      await page.goto(new URL(`/reports/${queryId}`, app.url).href);
      await page.getByTestId('report-run-now').click();
      const third = page.locator('[data-testid="run-row"][data-run-number="3"]');
      await third.waitFor();
      await third.getByTestId('run-open').click();
      await page.locator('[data-testid="report-run"][data-run-number="3"]').waitFor();

      const diff = page.getByTestId('run-diff');
      await diff.waitFor();
      const changed = diff.locator('[data-testid="diff-changed"]', { hasText: WANG });
      await changed.waitFor();
      const crossings = changed.locator('[data-testid="diff-change"][data-code="CONTROL_CROSSED_50"]');
      expect(await crossings.count()).toBe(2);
      const firms = await crossings.getByTestId('diff-firm').allTextContents();
      expect(firms.sort()).toEqual([CHUANGCHENG, FUHUA].sort());
      for (const figures of [await crossings.getByTestId('diff-before').allTextContents(), await crossings.getByTestId('diff-after').allTextContents()]) expect(new Set(figures).size).toBe(1);
      expect(await crossings.first().getByTestId('diff-before').textContent()).toBe('48.00%');
      expect(await crossings.first().getByTestId('diff-after').textContent()).toBe('54.00%');
      expect(await crossings.first().textContent()).toContain(`${WANG} 在`);
      await page.screenshot({ path: join(SCREENSHOTS, 'report-run-diff.png'), fullPage: true });

      // The finding's evidence, one click from the diff: the holding chain through 汇金 at its new 90%.
      await changed.getByTestId('diff-evidence').click();
      const evidence = page.getByTestId('evidence');
      await evidence.waitFor();
      expect(await evidence.getAttribute('data-finding-key')).toBe(await changed.getAttribute('data-key'));
      expect(await evidence.locator('[data-testid="evidence-chain"][data-kind="ownership"]', { hasText: CHUANGCHENG }).first().textContent()).toContain('90.00%');
      expect(new URL(page.url()).searchParams.get('evidence')).toBeTruthy();
      await page.goBack();
      await evidence.waitFor({ state: 'detached' });

      // Run 1 opens as it ran, whatever was imported since.
      await page.goto(new URL(`/reports/${queryId}`, app.url).href);
      await page.locator('[data-testid="run-row"][data-run-number="1"]').getByTestId('run-open').click();
      await page.locator('[data-testid="report-run"][data-run-number="1"]').waitFor();
      await page.locator('[data-testid="run-finding"]').first().waitFor();
      await page.locator('[data-testid="run-finding"]', { hasText: WANG }).getByTestId('finding-evidence').click();
      expect(await page.getByTestId('evidence').locator('[data-testid="evidence-chain"][data-kind="ownership"]', { hasText: CHUANGCHENG }).first().textContent()).toContain('80.00%');
      await page.keyboard.press('Escape');
    }, 120_000);

    it('exports the PDF and the evidence bundle of the run under the server’s file names', async () => {
      await page.goto(new URL(`/reports/${queryId}`, app.url).href);
      await page.locator('[data-testid="run-row"][data-run-number="3"]').getByTestId('run-open').click();
      await page.locator('[data-testid="report-run"][data-run-number="3"]').waitFor();
      const pdf = await exportRun(page, 'pdf', downloads);
      expect(pdf.download.suggestedFilename()).toBe(`${TITLE}-3.pdf`);
      expect(statSync(pdf.file).size).toBeGreaterThan(1000);
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf.file, '-'], { encoding: 'utf8' });
      expect(text).toContain(CHUANGCHENG);

      const bundle = await exportRun(page, 'bundle', downloads);
      expect(bundle.download.suggestedFilename()).toBe(`${TITLE}-3.zip`);
      const bytes = readFileSync(bundle.file);
      expect(bytes.length).toBeGreaterThan(1000);
      expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    }, 90_000);

    it('links the run to a case, which lists it and opens it again', async () => {
      const caseTitle = '报告旅程专案';
      const created = ok(await investigator.gql('mutation($input: NewCase!) { createCase(input: $input) { id } }', { input: { title: caseTitle } })).createCase;
      await page.goto(new URL(`/reports/${queryId}`, app.url).href);
      await page.locator('[data-testid="run-row"][data-run-number="3"]').getByTestId('run-open').click();
      await page.locator('[data-testid="report-run"][data-run-number="3"]').waitFor();
      await page.getByTestId('link-to-case').click();
      await page.getByTestId('link-to-case-select').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: caseTitle }).click();
      await page.getByTestId('link-to-case-ok').click();
      const toast = page.getByTestId('linked-to-case');
      await toast.waitFor();
      await toast.getByRole('link', { name: caseTitle }).click();
      await page.waitForURL((url) => url.pathname === `/cases/${created.id}`);
      await page.getByTestId('tab-runs').click();
      const runLink = page.locator('.case-runs a', { hasText: `${TITLE} · ` });
      await runLink.click();
      await page.locator('[data-testid="report-run"][data-run-number="3"]').waitFor();
    });

    it('watches the report weekly and stops watching it', async () => {
      await page.goto(new URL(`/reports/${queryId}`, app.url).href);
      const schedule = page.getByTestId('report-schedule');
      await schedule.getByTestId('schedule-set').click();
      await schedule.getByText('每周一 06:00').waitFor();
      await schedule.getByTestId('schedule-clear').click();
      await schedule.getByText('未监测').waitFor();
    });

    it('shares the report with a named viewer, who signs in to the reports shared with them and nothing else', async () => {
      const viewerName = await app.user('viewer');
      await page.getByTestId('share-user-input').fill(viewerName);
      await page.getByTestId('share-user-add').click();
      await page.locator(`[data-testid="share-user"][data-user="${viewerName}"]`).waitFor();
      await page.getByTestId('nav-reports').click();
      await page.locator(`[data-testid="report-row"][data-report-id="${queryId}"]`, { hasText: viewerName }).waitFor();
      // The picture without the toast or the table's loading veil over it.
      // Toasts stack (schedule saved, stopped, sharing saved): wait for the last one to go.
      await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 15_000 }).toBe(0);
      await page.locator('.ant-table .ant-spin-blur').waitFor({ state: 'detached' });
      await page.screenshot({ path: join(SCREENSHOTS, 'reports.png') });

      const viewerPage = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
      watchPage(viewerPage, pageErrors, cspViolations);
      try {
        await viewerPage.goto(app.url, { waitUntil: 'domcontentloaded' });
        await signInToApp(viewerPage, viewerName);
        await viewerPage.waitForURL((url) => url.pathname === '/reports');
        const row = viewerPage.locator(`[data-testid="report-row"][data-report-id="${queryId}"]`);
        await row.waitFor();
        // The viewer's menu is the reports alone; no run button, schedule or sharing form.
        const nav = await viewerPage.locator('[data-testid^="nav-"]').evaluateAll((links) => links.map((l) => l.getAttribute('data-testid')));
        expect(nav).toEqual(['nav-reports']);
        await row.getByTestId('report-link').click();
        await viewerPage.locator('[data-testid="run-row"][data-run-number="3"]').waitFor();
        expect(await viewerPage.getByTestId('report-run-now').count()).toBe(0);
        expect(await viewerPage.getByTestId('schedule-set').count()).toBe(0);
        expect(await viewerPage.getByTestId('share-user-input').count()).toBe(0);
        await viewerPage.locator('[data-testid="run-row"][data-run-number="3"]').getByTestId('run-open').click();
        await viewerPage.getByTestId('run-diff').locator('[data-testid="diff-changed"]', { hasText: WANG }).waitFor();
      } finally {
        await viewerPage.close();
      }
      expect(pageErrors).toEqual([]);
      expect(cspViolations).toEqual([]);
    }, 60_000);
  });
}
