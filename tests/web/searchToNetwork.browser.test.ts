// End to end in a real browser (Debian's Chromium) against the real app: the server with the
// built UI, over the test Neo4j with the demo data loaded. The investigator signs in through the form.

import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoApp } from '../support/app.ts';
import { launchBrowser, signInToSearch } from '../support/browser.ts';

const SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '.test-data', 'screenshots');

const WEALTH = '南京鑫融财富管理有限公司';
const INVESTMENT = '南京鑫融投资管理有限公司';

/** The nodes the canvas actually drew, as listed by NetworkCanvas from cy after each update. */
async function drawnNodes(page: Page) {
  return page.$$eval('[data-testid="network-nodes"] li', (items) =>
    items.map((li) => ({ key: li.dataset.key ?? '', kind: li.dataset.kind ?? '', label: li.textContent ?? '' })),
  );
}

async function drawnEdges(page: Page) {
  return page.$$eval('[data-testid="network-edges"] li', (items) =>
    items.map((li) => ({
      source: li.dataset.source ?? '',
      target: li.dataset.target ?? '',
      type: li.dataset.type ?? '',
      label: li.textContent ?? '',
    })),
  );
}

describe('search to network (browser)', () => {
  let browser: Browser | undefined;
  let app: Awaited<ReturnType<typeof startDemoApp>>;

  beforeAll(async () => {
    app = await startDemoApp();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('finds 南京鑫融财富管理有限公司 and draws its holders with percentages', async () => {
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    // The server's Content-Security-Policy must not block anything the app itself does.
    const cspViolations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });

    await page.goto(app.url, { waitUntil: 'domcontentloaded' });
    await signInToSearch(page, await app.user('investigator'));

    const search = page.getByPlaceholder('输入企业名称、统一社会信用代码或人名');
    await search.fill('鑫融');
    const result = page.locator('[data-testid="search-results"] [data-testid="result-name"]', { hasText: WEALTH });
    await result.first().click();

    // The canvas lists what it drew; wait until the neighbourhood (not just the centre) is in.
    const nodesList = page.locator('[data-testid="network-nodes"]');
    await nodesList.locator('li', { hasText: INVESTMENT }).first().waitFor({ state: 'attached', timeout: 30_000 });
    await page.locator('[data-testid="network"][data-layout-state="done"]').waitFor({ state: 'attached' });

    const nodes = await drawnNodes(page);
    const wealth = nodes.find((n) => n.label === WEALTH);
    const investment = nodes.find((n) => n.label === INVESTMENT);
    expect(wealth, `drawn nodes: ${nodes.map((n) => n.label).join(', ')}`).toBeDefined();
    expect(investment).toBeDefined();
    expect(wealth?.kind).toBe('COMPANY');

    const edges = await drawnEdges(page);
    expect(edges.some((e) => e.label === '70%')).toBe(true);
    // And it is the 70% holding of the investment firm in the wealth firm.
    expect(edges).toContainEqual({
      source: investment?.key,
      target: wealth?.key,
      type: 'HOLDS_SHARES',
      label: '70%',
    });

    // The detail panel shows the chosen firm.
    await page.locator('[data-testid="detail"] h2', { hasText: WEALTH }).waitFor();

    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'search-to-network.png') });
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  }, 90_000);
});
