// The network explorer end to end in a real browser (Debian's Chromium) against the real app: the
// server with the built UI, over the test Neo4j with the demo data. Expand by double-click, filter,
// undo, 查关系 between three nodes with each hop explained, and a reload that rebuilds the view; the
// context menu by mouse and keyboard, pin and hide, groups (编组), pinned places across a reload,
// the layered (ELK) layout, a supernode opened page by page, the chart export, and the keyboard in
// the element table and the menus.

import { mkdirSync, readFileSync } from 'node:fs';
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
// 30% holder and legal representative of 鑫融财富: a leaf of its network.
const CHEN = '陈静';
// 钱志宏 holds eight firms of the 建邺区 shell cluster (demo/README.md); this is one of them.
const LANYI = '91320105MAXN67WGNH';
const QIAN = '钱志宏';

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

interface PlacedNode extends DrawnNode {
  mx: number;
  my: number;
  parent: string | null;
  supernode: boolean;
  pinned: boolean;
}

/** Drawn nodes with their model place, group box and flags. */
async function placedNodes(page: Page): Promise<PlacedNode[]> {
  return page.$$eval('[data-testid="network-nodes"] li', (items) =>
    items.map((li) => ({
      key: li.dataset.key ?? '',
      kind: li.dataset.kind ?? '',
      label: li.textContent ?? '',
      x: Number(li.dataset.x),
      y: Number(li.dataset.y),
      mx: Number(li.dataset.mx),
      my: Number(li.dataset.my),
      parent: li.dataset.parent ?? null,
      supernode: li.dataset.supernode != null,
      pinned: li.dataset.pinned != null,
    })),
  );
}

const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

/** Waits until the address's parameter passes the test (the screen writes its state there). */
async function waitForParam(page: Page, name: string, test: (value: string | null) => boolean, what: string) {
  const until = Date.now() + 30_000;
  while (!test(param(page, name))) {
    if (Date.now() > until) throw new Error(`URL parameter ${name}: ${what}; it is ${param(page, name)}`);
    await page.waitForTimeout(50);
  }
}

/** Waits for an open antd dropdown menu to take the focus (autoFocus), so the arrows go to it. */
async function dropdownFocused(page: Page) {
  await page.waitForFunction(() => document.querySelector('.ant-dropdown:not(.ant-dropdown-hidden)')?.contains(document.activeElement) ?? false);
}

/** The text of the dropdown item the keyboard is on ('' before it is on one). */
async function dropdownActive(page: Page) {
  const active = page.locator('.ant-dropdown:not(.ant-dropdown-hidden) .ant-dropdown-menu-item-active');
  return (await active.count()) ? active.innerText() : '';
}

/** Presses ↓ until the keyboard is on the item (antd may already be on the first when it opens). */
async function arrowTo(page: Page, text: string) {
  for (let i = 0; i < 6 && (await dropdownActive(page)) !== text; i++) await page.keyboard.press('ArrowDown');
  expect(await dropdownActive(page)).toBe(text);
}

/** Right-clicks a drawn node and waits for the context menu. */
async function rightClick(page: Page, key: string) {
  const at = await onScreen(page, key);
  await page.mouse.click(at.x, at.y, { button: 'right' });
  await page.locator('.network-menu').waitFor({ state: 'visible' });
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
    let shared: { page: Page; pageErrors: string[]; cspViolations: string[] } | undefined;

    beforeAll(async () => {
      app = demoApp();
    });
    afterAll(async () => {
      await browser?.close();
    });

    /** One signed-in page for the shorter journeys below; each opens its own view by URL. */
    async function explorerPage(query: string) {
      if (!shared) {
        browser ??= await launchBrowser();
        const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
        shared = { page, pageErrors: [], cspViolations: [] };
        watchPage(page, shared.pageErrors, shared.cspViolations);
        await page.goto(app.url, { waitUntil: 'domcontentloaded' });
        await signInToSearch(page, await app.user('investigator'));
      }
      await shared.page.goto(new URL(`/explore?${query}`, app.url).href, { waitUntil: 'domcontentloaded' });
      const { page, pageErrors } = shared;
      await page
        .locator('[data-testid="network-nodes"] li')
        .first()
        .waitFor({ state: 'attached', timeout: 60_000 })
        .catch((error: unknown) => {
          throw new Error(`the explorer at ${page.url()} drew nothing (page errors: ${pageErrors.join('; ') || 'none'})`, { cause: error });
        });
      await settled(shared.page);
      return shared.page;
    }

    function expectClean() {
      expect(shared?.pageErrors).toEqual([]);
      expect(shared?.cspViolations).toEqual([]);
    }

    it('expands, filters, undoes, finds paths between three nodes with each hop explained, and a reload restores the view', async () => {
      browser ??= await launchBrowser();
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

    it('the context menu expands and collapses, pins and hides, by mouse and by keyboard; a hidden node leaves canvas and table until shown again', async () => {
      const page = await explorerPage(`keys=${CAIFU}`);

      // Mouse: right-click 汇金 → 展开 brings 王建国; right-click again → 收起 takes him away.
      await rightClick(page, HUIJIN);
      await page.locator('#cx-expand').click();
      await page.locator('[data-testid="network-nodes"] li', { hasText: WANG }).first().waitFor({ state: 'attached', timeout: 30_000 });
      await settled(page);
      expect(param(page, 'x')).toBe(HUIJIN);
      await rightClick(page, HUIJIN);
      expect(await page.locator('#cx-expand').isVisible()).toBe(false);
      await page.locator('#cx-collapse').click();
      await page.waitForFunction((name) => ![...document.querySelectorAll('[data-testid="network-nodes"] li')].some((li) => li.textContent === name), WANG);
      await settled(page);
      expect(param(page, 'x')).toBeNull();

      // Keyboard: select 鑫融投资, Shift+F10 opens its menu on the first item, ↓ to 固定位置, Enter pins it where it is.
      const touzi = await onScreen(page, TOUZI);
      await page.mouse.click(touzi.x, touzi.y);
      await waitForParam(page, 's', (v) => v === '91320105700497417W', 'selects 鑫融投资');
      await page.getByTestId('network').focus();
      await page.keyboard.press('Shift+F10');
      await page.locator('.network-menu').waitFor({ state: 'visible' });
      const focused = () => page.evaluate(() => document.activeElement?.id ?? '');
      expect(await focused()).toBe('cx-expand');
      for (let i = 0; i < 8 && (await focused()) !== 'cx-pin'; i++) await page.keyboard.press('ArrowDown');
      expect(await focused()).toBe('cx-pin');
      await page.keyboard.press('Enter');
      await waitForParam(page, 'p', (v) => v != null && v.startsWith('91320105700497417W@'), 'pins 鑫融投资 with its place');
      await page.locator('[data-testid="network-nodes"] li[data-pinned]').first().waitFor({ state: 'attached' });
      const [px, py] = param(page, 'p')!.split('@')[1]!.split('_').map(Number);
      const pinned = (await placedNodes(page)).find((n) => n.key === TOUZI)!;
      expect(pinned.pinned).toBe(true);
      expect(Math.abs(pinned.mx - px!)).toBeLessThanOrEqual(1);
      expect(Math.abs(pinned.my - py!)).toBeLessThanOrEqual(1);
      // The menu now offers to unpin; Esc closes it and gives the canvas its focus back.
      await page.keyboard.press('Shift+F10');
      await page.locator('.network-menu').waitFor({ state: 'visible' });
      expect(await page.locator('#cx-unpin').isVisible()).toBe(true);
      expect(await page.locator('#cx-pin').isVisible()).toBe(false);
      await page.keyboard.press('Escape');
      await page.locator('.network-menu').waitFor({ state: 'hidden' });
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('network');

      // Hide 陈静 from her menu: gone from the canvas and the table, and back with 显示隐藏.
      const chen = (await drawnNodes(page)).find((n) => n.label === CHEN)!;
      expect(chen).toBeDefined();
      await rightClick(page, chen.key);
      await page.locator('#cx-hide').click();
      await waitForParam(page, 'h', (v) => v != null && v.length > 0, 'hides 陈静');
      await settled(page);
      expect((await drawnNodes(page)).map((n) => n.label)).not.toContain(CHEN);
      expect(await page.locator('[data-testid="nodes-table"] .ant-table-row', { hasText: CHEN }).count()).toBe(0);
      await page.getByTestId('show-hidden').click();
      await page.locator('[data-testid="network-nodes"] li', { hasText: CHEN }).first().waitFor({ state: 'attached' });
      await page.locator('[data-testid="nodes-table"] .ant-table-row', { hasText: CHEN }).first().waitFor();
      expect(param(page, 'h')).toBeNull();
      expectClean();
    }, 60_000);

    it('groups selected nodes under a name, collapses and expands the group, and a reload restores groups and pinned places', async () => {
      const page = await explorerPage(`keys=${CAIFU}`);

      // Drag 鑫融财富 aside: it is pinned there, its place in the URL.
      const caifu = await onScreen(page, CAIFU);
      await page.mouse.move(caifu.x, caifu.y);
      await page.mouse.down();
      await page.mouse.move(caifu.x + 40, caifu.y + 60, { steps: 6 });
      await page.mouse.up();
      await waitForParam(page, 'p', (v) => v != null && v.startsWith('91320106MA458AFTQ5@'), 'pins the dragged node with its place');
      const [cx, cy] = param(page, 'p')!.split('@')[1]!.split('_').map(Number);
      // The places are read again once the canvas has settled after the drag: a click on a place read before lands beside the node.
      await settled(page);

      // Select 鑫融投资 and 汇金, then 编组 from the keyboard: the dropdown opens on Enter, ↓ and Enter choose "group the selected".
      const touzi = await onScreen(page, TOUZI);
      await page.mouse.click(touzi.x, touzi.y);
      await waitForParam(page, 's', (v) => v === '91320105700497417W', 'selects 鑫融投资');
      await settled(page);
      const huijin = await onScreen(page, HUIJIN);
      await page.keyboard.down('Shift');
      await page.mouse.click(huijin.x, huijin.y);
      await page.keyboard.up('Shift');
      await waitForParam(page, 's', (v) => v?.split(',').length === 2, 'selects both');
      await page.getByTestId('group-menu').focus();
      await page.keyboard.press('Enter');
      await dropdownFocused(page);
      await arrowTo(page, '将所选 2 个节点编组…');
      await page.keyboard.press('Enter');
      const name = page.getByTestId('group-name');
      await name.waitFor();
      await name.fill('鑫融上游');
      await page.keyboard.press('Enter');
      await waitForParam(page, 'g', (v) => v === 'g1~0~鑫融上游~91320105700497417W~913200004159528472', 'records the group');
      await page.locator('[data-testid="network-nodes"] li[data-kind="GROUP"]', { hasText: '鑫融上游' }).waitFor({ state: 'attached' });
      await settled(page);
      let nodes = await placedNodes(page);
      expect(nodes.filter((n) => n.parent === 'group:g1').map((n) => n.key).sort()).toEqual([HUIJIN, TOUZI].sort());

      // Collapse it (the 编组 dropdown by mouse): one node in place of the two, holding their relationships.
      await page.getByTestId('group-menu').click();
      await page.locator('.ant-dropdown:not(.ant-dropdown-hidden) .ant-dropdown-menu-item', { hasText: '收起编组' }).click();
      await waitForParam(page, 'g', (v) => v?.startsWith('g1~1~') ?? false, 'records the group collapsed');
      await page.waitForFunction((key) => !document.querySelector(`[data-testid="network-nodes"] li[data-key="${key}"]`), TOUZI);
      await settled(page);
      nodes = await placedNodes(page);
      expect(nodes.map((n) => n.key)).not.toContain(HUIJIN);
      expect(nodes.find((n) => n.key === 'group:g1')?.label).toBe('鑫融上游');
      expect(await drawnEdges(page)).toContainEqual(expect.objectContaining({ source: 'group:g1', target: CAIFU, type: 'HOLDS_SHARES', label: '70.00%' }));

      // Reload: the collapsed group and the pinned place come back from the URL.
      await page.reload({ waitUntil: 'domcontentloaded' });
      await page.locator('[data-testid="network-nodes"] li[data-kind="GROUP"]').waitFor({ state: 'attached', timeout: 30_000 });
      await settled(page);
      nodes = await placedNodes(page);
      expect(nodes.map((n) => n.key)).not.toContain(TOUZI);
      const caifuAfter = nodes.find((n) => n.key === CAIFU)!;
      expect(caifuAfter.pinned).toBe(true);
      expect(Math.abs(caifuAfter.mx - cx!)).toBeLessThanOrEqual(1);
      expect(Math.abs(caifuAfter.my - cy!)).toBeLessThanOrEqual(1);

      // Expand it from its own context menu; then ungroup: the members stay, the box goes; undo brings it back.
      await rightClick(page, 'group:g1');
      await page.locator('#cx-group-expand').click();
      await page.locator(`[data-testid="network-nodes"] li[data-key="${TOUZI}"][data-parent="group:g1"]`).waitFor({ state: 'attached', timeout: 30_000 });
      await settled(page);
      await page.getByTestId('group-menu').click();
      await page.locator('.ant-dropdown:not(.ant-dropdown-hidden) .ant-dropdown-menu-item', { hasText: '取消编组' }).click();
      await waitForParam(page, 'g', (v) => v == null, 'drops the group');
      await settled(page);
      nodes = await placedNodes(page);
      expect(nodes.map((n) => n.kind)).not.toContain('GROUP');
      expect(nodes.find((n) => n.key === TOUZI)?.parent).toBeNull();
      await page.getByTestId('undo').click();
      await waitForParam(page, 'g', (v) => v?.startsWith('g1~0~') ?? false, 'undo restores the group');
      await settled(page);
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOTS, 'explorer-groups.png') });
      expectClean();
    }, 60_000);

    it('lays the network out in layers with ELK: holders above the firms they hold, also with a group', async () => {
      const page = await explorerPage(`keys=${CAIFU}&x=${HUIJIN}&g=g1~0~上游~${HUIJIN}~${TOUZI}`);
      await page.getByTestId('layout').click();
      await page.locator('.ant-select-item-option', { hasText: '股权层级（ELK）' }).click();
      await waitForParam(page, 'l', (v) => v === 'elk', 'records the layout');
      await settled(page);
      const nodes = await placedNodes(page);
      const at = new Map(nodes.map((n) => [n.key, n]));
      const holdings = (await drawnEdges(page)).filter((e) => e.type === 'HOLDS_SHARES' && at.has(e.source) && at.has(e.target));
      expect(holdings.length).toBeGreaterThanOrEqual(3);
      for (const h of holdings) expect(at.get(h.source)!.my, `${h.source} above ${h.target}`).toBeLessThan(at.get(h.target)!.my);
      const wang = nodes.find((n) => n.label === WANG)!;
      expect(wang.my).toBeLessThan(at.get(HUIJIN)!.my);
      expect(at.get(TOUZI)!.parent).toBe('group:g1');
      expectClean();
    }, 60_000);

    it('summarises a supernode with its relationships counted and opens its neighbours a page at a time', async () => {
      // A threshold of 4 (the filters' 汇总阈值, n= in the URL) makes 钱志宏, holder and officer of eight firms, a supernode.
      const page = await explorerPage(`keys=${LANYI}&d=1&n=4`);
      const qian = (await placedNodes(page)).find((n) => n.label === QIAN)!;
      expect(qian.supernode).toBe(true);
      const row = page.locator('[data-testid="nodes-table"] .ant-table-row', { hasText: QIAN }).first();
      const counted = Number(/\+(\d+)/.exec(await row.locator('.ant-tag').innerText())?.[1]);
      expect(counted).toBeGreaterThan(4);
      const around = async () => (await drawnEdges(page)).filter((e) => e.source === qian.key || e.target === qian.key).length;
      const before = await around();

      // Double-click opens a first page (four neighbours); the menu's 展开更多 the next.
      const at = await onScreen(page, qian.key);
      await page.mouse.dblclick(at.x, at.y);
      await waitForParam(page, 'o', (v) => v?.startsWith('1~') ?? false, 'opens one page');
      await page.waitForFunction(() => !document.querySelector('.explorer-loading'));
      await settled(page);
      const first = await around();
      expect(first).toBeGreaterThan(before);
      await rightClick(page, qian.key);
      await page.locator('#cx-more').click();
      await waitForParam(page, 'o', (v) => v?.startsWith('2~') ?? false, 'opens a second page');
      await page.waitForFunction(() => !document.querySelector('.explorer-loading'));
      await settled(page);
      expect(await around()).toBeGreaterThan(first);
      expectClean();
    }, 60_000);

    it('exports the network as SVG with the firm names and as PNG', async () => {
      const page = await explorerPage(`keys=${CAIFU}`);
      const download = async (testId: string) => {
        await page.getByTestId('chart-export').click();
        const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId(testId).click()]);
        return readFileSync((await file.path())!);
      };
      const svg = (await download('chart-export-svg')).toString('utf8');
      expect(svg).toContain('<svg');
      for (const name of ['南京鑫融财富管理有限公司', '南京鑫融投资管理有限公司', '江苏汇金控股集团有限公司']) expect(svg).toContain(name);
      const png = await download('chart-export-png');
      expect(png.length).toBeGreaterThan(1000);
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expectClean();
    }, 60_000);

    it('moves the selection row by row with ↑/↓ in the element table, the canvas following, and works its menus from the keyboard', async () => {
      const page = await explorerPage(`keys=${CAIFU}`);
      const rows = page.locator('[data-testid="nodes-table"] .ant-table-row');
      const keys = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-row-key') ?? ''));
      expect(keys.length).toBeGreaterThanOrEqual(3);
      await rows.first().click();
      await waitForParam(page, 's', (v) => v != null, 'selects the first row');
      expect(param(page, 's')).toBe(keys[0]);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.waitForFunction((key) => new URL(location.href).searchParams.get('s') === key, keys[2]!);
      await page.locator(`[data-testid="network"][data-selected="${keys[2]}"]`).waitFor({ state: 'attached' });
      expect(await page.locator('[data-testid="nodes-table"] .row-selected').getAttribute('data-row-key')).toBe(keys[2]);
      await page.keyboard.press('ArrowUp');
      await page.waitForFunction((key) => new URL(location.href).searchParams.get('s') === key, keys[1]!);
      await page.locator(`[data-testid="network"][data-selected="${keys[1]}"]`).waitFor({ state: 'attached' });

      // The table export menu: Enter opens it, ↓ moves through CSV and XLSX, Esc closes it.
      await page.getByTestId('export-nodes').focus();
      await page.keyboard.press('Enter');
      const open = page.locator('.ant-dropdown:not(.ant-dropdown-hidden) .ant-dropdown-menu');
      await dropdownFocused(page);
      await arrowTo(page, 'CSV');
      await page.keyboard.press('ArrowDown');
      expect(await dropdownActive(page)).toBe('XLSX');
      await page.keyboard.press('Escape');
      await open.waitFor({ state: 'hidden' });
      expectClean();
    }, 60_000);
  });
}
