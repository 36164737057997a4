// Home and search, in a real browser against the real app and the demo data: a regulator signs in,
// finds a person (masked ID, the firms that tell same-name people apart) and a firm by the pinyin
// initials of its name; the keyboard alone opens the profile; the search is in the address, so
// back and reload bring it back; what was opened is listed as recent work. Antd's styles load
// under the server's Content-Security-Policy (a nonce per page, no 'unsafe-inline').

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoApp } from '../../support/app.ts';
import { launchBrowser, SCREENSHOTS, signInToSearch, watchPage } from '../../support/browser.ts';


const WEALTH = '南京鑫融财富管理有限公司';
const HUIJIN = '江苏汇金控股集团有限公司';
// 王建国 of the demo, who holds 80% of 汇金: a regulator sees his number masked.
const WANG_ID = '320115196209225537';
const WANG_MASKED = '3201**********5537';

async function rowKeys(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid="search-result"]', (rows) => rows.map((row) => row.getAttribute('data-key') ?? ''));
}

async function focusedKey(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute('data-key') ?? null);
}

export function homeJourney(demoApp: () => DemoApp): void {
  describe('home and search (browser)', () => {
    let app: DemoApp;
    let browser: Browser;
    let page: Page;
    const pageErrors: string[] = [];
    const cspViolations: string[] = [];

    beforeAll(async () => {
      app = demoApp();
      browser = await launchBrowser();
      page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
      watchPage(page, pageErrors, cspViolations);
      mkdirSync(SCREENSHOTS, { recursive: true });
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('serves the page with a fresh style nonce each time, and the antd styles it lets in apply', async () => {
      const nonces = [];
      for (let i = 0; i < 2; i++) {
        const response = await fetch(app.url);
        const html = await response.text();
        const csp = response.headers.get('content-security-policy')!;
        const nonce = /<meta name="csp-nonce" content="([^"]+)">/.exec(html)?.[1];
        expect(nonce).toBeDefined();
        expect(csp).toContain(`style-src 'self' `);
        expect(csp).toContain(`'nonce-${nonce}'`);
        expect(csp).not.toContain('unsafe-inline');
        nonces.push(nonce);
      }
      expect(nonces[0]).not.toBe(nonces[1]);

      await page.goto(app.url, { waitUntil: 'domcontentloaded' });
      await signInToSearch(page, await app.user('regulator'));
      // The search button is antd's primary button: its colour comes from an injected <style>.
      const background = await page.locator('.home-search .ant-btn-primary').evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(background).toBe('rgb(47, 111, 181)');
      expect(cspViolations).toEqual([]);
    });

    it('shows a regulator a person’s ID masked, beside the firms that tell same-name people apart', async () => {
      await page.getByTestId('search-input').fill('王建国');
      const row = page.locator('[data-testid="search-result"]', { has: page.locator('[data-testid="result-id"]', { hasText: WANG_MASKED }) });
      await row.first().waitFor();
      expect(await row.first().getByTestId('result-firms').textContent()).toContain(HUIJIN);
      expect(await page.content()).not.toContain(WANG_ID);
      expect(new URL(page.url()).searchParams.get('q')).toBe('王建国');

      // Esc clears the box, the address and the results.
      await page.getByTestId('search-input').press('Escape');
      await page.getByTestId('search-result').first().waitFor({ state: 'detached' });
      expect(await page.getByTestId('search-input').inputValue()).toBe('');
      expect(new URL(page.url()).search).toBe('');
    });

    it('finds a firm by the pinyin initials of its name and opens its profile with the keyboard alone', async () => {
      // '/' from anywhere on the page goes to the search box.
      await page.locator('body').click({ position: { x: 5, y: 300 } });
      expect(await page.evaluate(() => document.activeElement?.id)).not.toBe('home-search');
      await page.keyboard.press('/');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('home-search');

      await page.keyboard.type('xrcf');
      const wealth = page.locator('[data-testid="search-result"]', { has: page.locator('[data-testid="result-name"]', { hasText: WEALTH }) });
      await wealth.waitFor();
      expect(await wealth.getByTestId('result-matched').textContent()).toMatch(/^拼音：/);
      expect(new URL(page.url()).searchParams.get('q')).toBe('xrcf');

      const wealthKey = (await wealth.getAttribute('data-key'))!;
      const keys = await rowKeys(page);
      await page.keyboard.press('ArrowDown');
      expect(await focusedKey(page)).toBe(keys[0]);
      for (let i = 0; i < keys.indexOf(wealthKey); i++) await page.keyboard.press('ArrowDown');
      expect(await focusedKey(page)).toBe(wealthKey);
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname === `/entity/${encodeURIComponent(wealthKey)}`);
      // The profile must be on screen: until it renders, the home screen (and its box) may still be.
      await page.getByTestId('profile-name').waitFor();

      // '/' on another screen goes home, to the box.
      await page.locator('body').click({ position: { x: 5, y: 300 } });
      await page.keyboard.press('/');
      await page.waitForURL((url) => url.pathname === '/' && url.search === '');
      await page.waitForFunction(() => document.activeElement?.id === 'home-search');
    });

    it('brings the search back from the address after back and reload, and lists what was opened as recent work', async () => {
      await page.goBack();
      await page.goBack();
      await page.waitForURL((url) => url.pathname === '/' && url.searchParams.get('q') === 'xrcf');
      await page.locator('[data-testid="result-name"]', { hasText: WEALTH }).waitFor();

      await page.reload({ waitUntil: 'domcontentloaded' });
      await page.locator('[data-testid="result-name"]', { hasText: WEALTH }).waitFor();
      expect(await page.getByTestId('search-input').inputValue()).toBe('xrcf');

      const recent = page.locator('[data-testid="recent-item"]', { hasText: WEALTH });
      await recent.waitFor();
      expect(await recent.getAttribute('data-screen')).toBe('profile');
      // Kept per user, and nothing but what finds the thing again.
      const stored = await page.evaluate(() =>
        Object.entries(localStorage)
          .filter(([name]) => name.startsWith('chuantou.recent.'))
          .map(([name, value]) => ({ name, items: JSON.parse(value) as Record<string, unknown>[] })),
      );
      expect(stored).toHaveLength(1);
      expect(Object.keys(stored[0]!.items[0]!).sort()).toEqual(['at', 'key', 'kind', 'name', 'screen']);

      // A click on a row's own button opens that screen, and is remembered as that screen.
      await page.locator('[data-testid="search-result"]', { hasText: WEALTH }).getByTestId('result-penetration').click();
      await page.waitForURL((url) => url.pathname.startsWith('/penetration/'));
      await page.goBack();
      await page.locator('[data-testid="recent-item"][data-screen="penetration"]', { hasText: WEALTH }).waitFor();

      await page.getByTestId('search-input').fill('鑫融');
      await page.locator('[data-testid="result-name"]', { hasText: '南京鑫融投资管理有限公司' }).waitFor();
      await page.screenshot({ path: join(SCREENSHOTS, 'home.png') });
    });

    it('switches antd and the app to English and back', async () => {
      await page.getByTestId('lang-toggle').click();
      await page.locator('.home-search .ant-btn-primary', { hasText: 'Search' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      expect(await page.getByTestId('account-role').textContent()).toBe('Regulator');
      await page.getByTestId('lang-toggle').click();
      await page.locator('.home-search .ant-btn-primary', { hasText: /搜\s?索/ }).waitFor();
      expect(pageErrors).toEqual([]);
      expect(cspViolations).toEqual([]);
    });
  });
}
