// The network explorer end to end in a real browser (Debian's Chromium) against the real app: the
// server with the built UI, over the test Neo4j with the demo data. Expand by double-click, filter,
// undo, 查关系 between three nodes with each hop explained, and a reload that rebuilds the view.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoApp } from '../../support/app.ts';
import { launchBrowser, SCREENSHOTS, signInToSearch, watchPage } from '../../support/browser.ts';


// The demo chain: 王建国 80% → 江苏汇金控股集团 60% → 南京鑫融投资管理 70% → 南京鑫融财富管理.
const CAIFU = '91320106MA458AFTQ5';
const TOUZI = '91320105700497417W';
const HUIJIN = '913200004159528472';
const WANG = '王建国';

interface DrawnNode {
  key: string;
  kind: string;
  label: string;
  x: number;
  y: number;
}

/** The nodes the canvas actually drew, as NetworkCanvas lists them from cy (with their place on screen). */
async function drawnNodes(page: Page): Promise<DrawnNode[]> {
  return page.$$eval('[data-testid="network-nodes"] li', (items) =>
    items.map((li) => ({
      key: li.dataset.key ?? '',
      kind: li.dataset.kind ?? '',
      label: li.textContent ?? '',
      x: Number(li.dataset.x),
      y: Number(li.dataset.y),
    })),
  );
}

async function drawnEdges(page: Page) {
  return page.$$eval('[data-testid="network-edges"] li', (items) =>
    items.map((li) => ({ source: li.dataset.source ?? '', target: li.dataset.target ?? '', type: li.dataset.type ?? '', label: li.textContent ?? '' })),
  );
}

async function settled(page: Page) {
  await page.locator('[data-testid="network"][data-layout-state="done"]').waitFor({ state: 'attached', timeout: 30_000 });
  await page.waitForFunction(() => !document.querySelector('.explorer-loading'), undefined, { timeout: 30_000 });
  await page.locator('[data-testid="network"][data-layout-state="done"]').waitFor({ state: 'attached', timeout: 30_000 });
  // The on-screen places are read back a moment after the viewport settles.
  await page.waitForTimeout(300);
}

/** A node's place in page coordinates, from the canvas list. */
async function onScreen(page: Page, key: string) {
  const box = (await page.locator('[data-testid="network"]').boundingBox())!;
  const node = (await drawnNodes(page)).find((n) => n.key === key);
  if (!node) throw new Error(`${key} is not drawn`);
  return { x: box.x + node.x, y: box.y + node.y };
}

export function explorerJourney(demoApp: () => DemoApp): void {
  describe('network explorer (browser)', () => {
    let browser: Browser | undefined;
    let app: DemoApp;

    beforeAll(async () => {
      app = demoApp();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('expands, filters, undoes, finds paths between three nodes with each hop explained, and a reload restores the view', async () => {
      browser = await launchBrowser();
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
      const pageErrors: string[] = [];
      // The server's Content-Security-Policy must not block anything the screen does (antd, cytoscape, its menus, the mini-map).
      const cspViolations: string[] = [];
      watchPage(page, pageErrors, cspViolations);

      await page.goto(app.url, { waitUntil: 'domcontentloaded' });
      await signInToSearch(page, await app.user('investigator'));
      await page.goto(new URL(`/explore?keys=${CAIFU}`, app.url).href, { waitUntil: 'domcontentloaded' });
      await page.locator('[data-testid="network-nodes"] li', { hasText: '南京鑫融投资管理有限公司' }).first().waitFor({ state: 'attached', timeout: 30_000 });
      await settled(page);

      // Holdings carry their percentage, two decimals, on the edge from holder to firm.
      expect(await drawnEdges(page)).toContainEqual({ source: TOUZI, target: CAIFU, type: 'HOLDS_SHARES', label: '70.00%' });
      // "Fit" fits: every element (labels included) inside the canvas after the layout.
      await page.getByTestId('fit').click();
      const [x1, y1, x2, y2, w, h] = (await page.getByTestId('network').getAttribute('data-fit'))!.split(',').map(Number);
      expect(x1).toBeGreaterThanOrEqual(0);
      expect(y1).toBeGreaterThanOrEqual(0);
      expect(x2).toBeLessThanOrEqual(w!);
      expect(y2).toBeLessThanOrEqual(h!);

      // Expand 江苏汇金 by double-click: its holder 王建国 comes in.
      const before = await drawnNodes(page);
      expect(before.map((n) => n.key)).toContain(HUIJIN);
      expect(before.map((n) => n.label)).not.toContain(WANG);
      const huijin = await onScreen(page, HUIJIN);
      await page.mouse.dblclick(huijin.x, huijin.y);
      await page.locator('[data-testid="network-nodes"] li', { hasText: WANG }).first().waitFor({ state: 'attached', timeout: 30_000 });
      await settled(page);
      expect(new URL(page.url()).searchParams.get('x')).toBe(HUIJIN);
      expect(await drawnEdges(page)).toContainEqual(expect.objectContaining({ target: HUIJIN, type: 'HOLDS_SHARES', label: '80.00%' }));

      // Filter out 任职 (officers): the server is asked again and no officer edge is left.
      const officersBefore = (await drawnEdges(page)).filter((e) => e.type === 'OFFICER_OF').length;
      expect(officersBefore).toBeGreaterThan(0);
      await page.getByTestId('filters').click();
      await page.getByTestId('filters-panel').getByRole('checkbox', { name: '任职' }).uncheck();
      await page.waitForFunction(() => !document.querySelector('[data-testid="network-edges"] li[data-type="OFFICER_OF"]'), undefined, { timeout: 30_000 });
      await settled(page);
      expect(new URL(page.url()).searchParams.get('t')).not.toContain('OFFICER_OF');
      await page.keyboard.press('Escape');

      // Undo brings them back (Ctrl+Z does the same as the button).
      await page.getByTestId('undo').click();
      await page.locator('[data-testid="network-edges"] li[data-type="OFFICER_OF"]').first().waitFor({ state: 'attached', timeout: 30_000 });
      await settled(page);
      expect((await drawnEdges(page)).filter((e) => e.type === 'OFFICER_OF').length).toBe(officersBefore);

      // Select three nodes on the canvas (Shift-click) and find paths between them.
      const wang = (await drawnNodes(page)).find((n) => n.label === WANG)!;
      const targets = [CAIFU, HUIJIN, wang.key];
      for (const [i, key] of targets.entries()) {
        const at = await onScreen(page, key);
        if (i === 1) await page.keyboard.down('Shift');
        await page.mouse.click(at.x, at.y);
        await page.waitForFunction((n) => new URL(location.href).searchParams.get('s')?.split(',').length === n, i + 1);
      }
      await page.keyboard.up('Shift');
      // The table highlights what the canvas selected.
      expect(await page.locator('[data-testid="nodes-table"] .row-selected').count()).toBe(3);
      await page.getByTestId('find-paths').click();
      // Its tooltip would lie over the tabs.
      await page.getByTestId('graph-stats').hover();
      const hops = page.locator('[data-testid="paths-panel"] [data-testid="path-hop"]');
      await hops.first().waitFor({ timeout: 30_000 });
      const explained = await hops.allTextContents();
      expect(explained.some((t) => t.startsWith(`${WANG} 持有 江苏汇金控股集团有限公司 80.00% 的股权`))).toBe(true);
      expect(explained.some((t) => /南京鑫融投资管理有限公司 持有 南京鑫融财富管理有限公司 70\.00% 的股权/.test(t))).toBe(true);
      await page.locator('[data-testid="paths-exhaustive"], [data-testid="paths-limited"]').first().waitFor();
      await settled(page);
      // The path is drawn highlighted on the canvas.
      expect(await page.locator('[data-testid="network-nodes"] li[data-path]').count()).toBeGreaterThanOrEqual(3);

      // A row clicked in the table selects that element on the canvas (and in the URL).
      await page.getByRole('tab', { name: /节点/ }).click();
      await page.locator('[data-testid="nodes-table"] .ant-table-row', { hasText: '南京鑫融投资管理有限公司' }).first().click();
      await page.waitForFunction((key) => new URL(location.href).searchParams.get('s') === key, TOUZI);

      // Reload: the same view is rebuilt from the URL by asking again.
      const shown = (await drawnNodes(page)).map((n) => n.key).sort();
      await page.reload({ waitUntil: 'domcontentloaded' });
      await page.locator('[data-testid="network-nodes"] li', { hasText: WANG }).first().waitFor({ state: 'attached', timeout: 30_000 });
      await settled(page);
      await page.locator('[data-testid="paths-panel"] [data-testid="path-hop"]').first().waitFor({ timeout: 30_000 });
      await settled(page);
      expect((await drawnNodes(page)).map((n) => n.key).sort()).toEqual(shown);

      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOTS, 'explorer.png') });
      expect(pageErrors).toEqual([]);
      expect(cspViolations).toEqual([]);
    }, 120_000);
  });
}
