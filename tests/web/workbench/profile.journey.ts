// 一户一档 in a real browser (Debian's Chromium) against the real app over the demo province: what
// an investigator and a regulator each see of a flagged firm and of a firm whose legal
// representative may be one of several same-name people.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { persistedOperationHashes } from '../../../web/src/api/generated.ts';
import type { DemoApp } from '../../support/app.ts';
import { launchBrowser, SCREENSHOTS, submitSignIn } from '../../support/browser.ts';


/** demo/README.md: revoked, on the illegal-fundraising list, renamed in 2017, 70% held by 鑫融投资, which 汇金 (80% 王建国) holds 60% of. */
const WEALTH = { key: '91320106MA458AFTQ5', name: '南京鑫融财富管理有限公司' };
/** Its legal representative 李欣欣 appears with a masked number compatible with four other 李欣欣: proposed as possibly the same. */
const YUANWO = { key: '913208138459431158', name: '淮安元沃财富管理有限公司' };
// Generous: the suite shares the machine with Neo4j; on a quiet one each step takes well under a second.
const WAIT = { timeout: 60_000 };

interface Watched {
  page: Page;
  problems: string[];
}

/** A page whose errors and Content-Security-Policy violations are collected: both must stay empty. */
async function watchedPage(context: BrowserContext): Promise<Watched> {
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT.timeout);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${String(error)}`));
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) problems.push(`csp: ${message.text()}`);
  });
  return { page, problems };
}

export function profileJourney(demoApp: () => DemoApp): void {
  describe('entity profile (browser)', () => {
    let app: DemoApp;
    let baseUrl: string;
    let browser: Browser;

    async function openProfile(page: Page, key: string, tab?: string) {
      await page.goto(`${baseUrl}/entity/${key}${tab ? `?tab=${tab}` : ''}`, { waitUntil: 'domcontentloaded' });
    }

    beforeAll(async () => {
      app = demoApp();
      baseUrl = app.url.replace(/\/$/, '');
      // The first ownership walk after an import reads a cold store; warm it so the page's own
      // request answers within the walk's time cap even on a busy machine.
      const warm = await app.client('investigator');
      for (const firm of [WEALTH, YUANWO]) await warm.persisted('Profile', { key: firm.key });
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
    });

    describe('what it shows', () => {
      it('shows an investigator a flagged firm: the red banner with the case, holders with effective %, a fact’s source, the change timeline; the open tab survives a reload', async () => {
        const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
        const { page, problems } = await watchedPage(context);
        await openProfile(page, WEALTH.key);
        await submitSignIn(page, await app.user('investigator'));

        await page.getByTestId('profile-name').filter({ hasText: WEALTH.name }).waitFor(WAIT);
        const banner = page.getByTestId('flag-banner');
        await expect(banner.textContent()).resolves.toContain('苏公经立字〔2018〕0001号');
        expect(await banner.textContent()).toContain('江苏省公安厅');
        expect(await page.getByTestId('profile-header').textContent()).toContain('吊销');

        await page.getByTestId('tab-holders').click();
        await page.waitForURL(/\?tab=holders$/);
        const holders = page.getByTestId('holders');
        const investment = holders.locator('tr', { hasText: '南京鑫融投资管理有限公司' });
        await expect(investment.getByTestId('effective-ratio').textContent()).resolves.toBe('70.00%');
        // 王建国 holds none of it directly: 80% × 60% × 70% through 汇金 and 鑫融投资.
        const ultimate = holders.locator('tr', { hasText: '王建国' });
        await expect(ultimate.getByTestId('effective-ratio').textContent()).resolves.toBe('33.60%');
        expect(await ultimate.textContent()).toContain('间接');

        // Where the 70% comes from: the shareholder file's row, one click away.
        await investment.getByTestId('source-button').click();
        const popover = page.getByTestId('source-popover');
        await popover.waitFor(WAIT);
        await expect(popover.getByTestId('source-file').textContent()).resolves.toBe('shareholders.csv');
        await expect(popover.getByTestId('source-row').textContent()).resolves.toBe('103');
        expect(await popover.textContent()).toMatch(/run-\d{8}T\d{6}/);

        mkdirSync(SCREENSHOTS, { recursive: true });
        await page.screenshot({ path: join(SCREENSHOTS, 'profile.png') });
        await page.keyboard.press('Escape');

        await page.reload({ waitUntil: 'domcontentloaded' });
        await holders.locator('tr', { hasText: '王建国' }).waitFor(WAIT);

        await page.getByTestId('tab-changes').click();
        const change = page.getByTestId('change-item').filter({ hasText: '名称变更' });
        await change.waitFor(WAIT);
        expect(await change.textContent()).toContain('南京鑫融投资咨询有限公司');
        await expect(page.getByTestId('change-date').first().textContent()).resolves.toBe('2017-09-12');

        expect(problems).toEqual([]);
        await context.close();
      }, 180_000);

      it('lets an investigator confirm a possibly-same person only with a reason, and shows the decision; a regulator sees it masked and without the buttons', async () => {
        const investigator = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
        const inv = await watchedPage(investigator);
        await openProfile(inv.page, YUANWO.key, 'samePerson');
        await submitSignIn(inv.page, await app.user('investigator'));

        const section = inv.page.getByTestId('same-person');
        const proposed = section.locator('tr', { has: inv.page.getByTestId('same-person-confirm') });
        await proposed.first().waitFor(WAIT);
        const candidates = await proposed.count();
        const row = proposed.first();
        const otherKey = await row.getByTestId('entity-link').first().getAttribute('data-key');

        await row.getByTestId('same-person-confirm').click();
        const modal = inv.page.locator('.ant-modal', { has: inv.page.getByTestId('same-person-reason') });
        await modal.waitFor(WAIT);
        // No reason, no decision: the form says so and the link stays proposed.
        await modal.getByTestId('same-person-submit').click();
        await modal.getByText('请写明核实依据').waitFor(WAIT);
        const reason = '户籍核查：两条记录系同一人';
        await modal.getByTestId('same-person-reason').fill(reason);
        await modal.getByTestId('same-person-submit').click();
        await modal.waitFor({ state: 'hidden', ...WAIT });

        const decided = section.locator('tr', { has: inv.page.locator(`[data-testid="entity-link"][data-key="${otherKey}"]`) });
        await decided.locator('[data-status="CONFIRMED"]').waitFor(WAIT);
        expect(await decided.getByTestId('same-person-decision').textContent()).toContain(reason);
        await expect(proposed.count()).resolves.toBe(candidates - 1);

        const regulatorContext = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
        const reg = await watchedPage(regulatorContext);
        await openProfile(reg.page, YUANWO.key, 'officers');
        await submitSignIn(reg.page, await app.user('regulator'));
        const officers = reg.page.getByTestId('officers');
        await officers.locator('tr', { hasText: '徐婷' }).waitFor(WAIT);
        const shown = await officers.getByTestId('id-number').allTextContents();
        expect(shown.length).toBeGreaterThan(0);
        for (const id of shown) expect(id).toMatch(/\*{4,}/);
        expect(await reg.page.getByTestId('id-notice').textContent()).toContain('脱敏');

        await reg.page.getByTestId('tab-samePerson').click();
        await reg.page.getByTestId('same-person-table').locator('[data-status="CONFIRMED"]').first().waitFor(WAIT);
        expect(await reg.page.getByTestId('same-person-confirm').count()).toBe(0);
        expect(await reg.page.getByTestId('same-person-reject').count()).toBe(0);

        // The investigator records a 查询事由 for the session: the same row now shows the full number.
        const set = await inv.page.request.post(`${baseUrl}/graphql`, {
          headers: { 'content-type': 'application/json', 'x-chuantou-csrf': '1' },
          data: { operationName: 'SetQueryReason', variables: { reason: '（2026）苏公经立字第21号' }, extensions: { persistedQuery: { version: 1, sha256Hash: persistedOperationHashes.SetQueryReason } } },
        });
        expect(set.ok()).toBe(true);
        await openProfile(inv.page, YUANWO.key, 'officers');
        const full = inv.page.getByTestId('officers').locator('tr', { hasText: '徐婷' }).getByTestId('id-number');
        await full.waitFor(WAIT);
        expect(await full.textContent()).toMatch(/^3210\d{13}[\dX]$/);
        expect(await inv.page.getByTestId('id-notice').textContent()).toContain('完整证件号码');

        expect(inv.problems).toEqual([]);
        expect(reg.problems).toEqual([]);
        await investigator.close();
        await regulatorContext.close();
      }, 180_000);
    });
  });
}
