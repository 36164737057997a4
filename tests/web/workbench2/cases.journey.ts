// Cases (专案) in a real browser against the real app and the demo data: an investigator creates a
// case, starts a canvas from 江苏汇金控股集团 (its holders and holdings come in), adds a note and a
// hand-entered relation between two of them (drawn as its own dashed violet ✍ edge, its author
// named), moves one entity and hides another, saves, and shares the case with a regulator. The
// regulator signs in, opens the case and finds the canvas as saved (same entities, same places,
// the hidden one hidden). Then both save the same canvas: the later is told who saved in between
// and keeps the choice to reload or save a copy — nothing is silently overwritten.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoApp } from '../../support/app.ts';
import { launchBrowser, SCREENSHOTS, signInToApp, watchPage } from '../../support/browser.ts';

const HUIJIN = '913200004159528472';
const TOUZI = '91320105700497417W';
const TOUZI_NAME = '南京鑫融投资管理有限公司';
const LIHUA = '王丽华';
const WANG = '王建国';

interface Drawn {
  key: string;
  label: string;
  x: number;
  y: number;
  screenX: number;
  screenY: number;
}

async function drawnNodes(page: Page): Promise<Drawn[]> {
  return page.$$eval('[data-testid="case-canvas-nodes"] li', (items) =>
    items.map((li) => ({
      key: li.getAttribute('data-key') ?? '',
      label: li.textContent ?? '',
      x: Number(li.getAttribute('data-x')),
      y: Number(li.getAttribute('data-y')),
      screenX: Number(li.getAttribute('data-screen-x')),
      screenY: Number(li.getAttribute('data-screen-y')),
    })),
  );
}

async function drawnEdges(page: Page) {
  return page.$$eval('[data-testid="case-canvas-edges"] li', (items) =>
    items.map((li) => ({ id: li.getAttribute('data-edge') ?? '', source: li.getAttribute('data-source'), target: li.getAttribute('data-target'), hand: li.hasAttribute('data-hand'), label: li.textContent ?? '' })),
  );
}

/** Opens an antd Select by its test id, types, and picks the option whose text contains `text`. */
async function pick(page: Page, testId: string, typed: string, text: string): Promise<void> {
  const select = page.getByTestId(testId);
  await select.click();
  await select.locator('input').fill(typed);
  await page.locator('.ant-select-dropdown:visible [data-testid="entity-option"]', { hasText: text }).first().click();
}

/** A node's place on screen, once the drawing has reported it (after the fit). */
async function screenPlace(page: Page, key: string): Promise<{ x: number; y: number }> {
  const item = page.locator(`[data-testid="case-canvas-nodes"] li[data-key="${key}"][data-screen-x]`);
  await item.waitFor({ state: 'attached' });
  // The list is there while the canvas tab is still hidden (antd shows a pane after switching to it).
  await page.locator('.case-canvas-drawing').waitFor({ state: 'visible' });
  const box = (await page.locator('.case-canvas-drawing').boundingBox())!;
  return { x: box.x + Number(await item.getAttribute('data-screen-x')), y: box.y + Number(await item.getAttribute('data-screen-y')) };
}

/** A point on the straight edge between two nodes, as far from every node as the edge allows (so a click hits the edge, not a node). */
async function pointOnEdge(page: Page, fromKey: string, toKey: string): Promise<{ x: number; y: number }> {
  const from = await screenPlace(page, fromKey);
  const to = await screenPlace(page, toKey);
  const box = (await page.locator('.case-canvas-drawing').boundingBox())!;
  const nodes = (await drawnNodes(page)).map((n) => ({ x: box.x + n.screenX, y: box.y + n.screenY }));
  let best = { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2, clearance: -1 };
  for (let t = 0.2; t <= 0.8; t += 0.05) {
    const x = from.x + (to.x - from.x) * t;
    const y = from.y + (to.y - from.y) * t;
    const clearance = Math.min(...nodes.map((n) => Math.hypot(n.x - x, (n.y - y) * 3)));
    if (clearance > best.clearance) best = { x, y, clearance };
  }
  return best;
}

export function casesJourney(demoApp: () => DemoApp): void {
  describe('cases (browser)', () => {
    let app: DemoApp;
    let browser: Browser;
    let investigator: Page;
    let regulator: Page;
    let regulatorName: string;
    let investigatorShown: string;
    let regulatorShown: string;
    let caseUrl: string;
    let saved: Drawn[];
    const pageErrors: string[] = [];
    const cspViolations: string[] = [];
    const title = `旅程专案 ${Date.now()}`;

    beforeAll(async () => {
      app = demoApp();
      regulatorName = await app.user('regulator');
      const displayNameOf = async (role: 'investigator' | 'regulator') => (await (await app.client(role)).gql('{ me { user { displayName } } }')).data!.me.user.displayName as string;
      investigatorShown = await displayNameOf('investigator');
      regulatorShown = await displayNameOf('regulator');
      browser = await launchBrowser();
      // Two people at two machines: separate contexts, separate sessions.
      investigator = await (await browser.newContext({ viewport: { width: 1440, height: 960 }, locale: 'zh-CN' })).newPage();
      regulator = await (await browser.newContext({ viewport: { width: 1440, height: 960 }, locale: 'zh-CN' })).newPage();
      for (const page of [investigator, regulator]) watchPage(page, pageErrors, cspViolations);
      mkdirSync(SCREENSHOTS, { recursive: true });
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('lets an investigator create a case and start a canvas from a firm with its holders and holdings', async () => {
      const page = investigator;
      await page.goto(new URL('/cases', app.url).href, { waitUntil: 'domcontentloaded' });
      await signInToApp(page, await app.user('investigator'));
      await page.getByTestId('cases-screen').waitFor();
      await page.getByTestId('case-create').click();
      await page.getByTestId('case-title-input').fill(title);
      await page.getByTestId('case-description-input').fill('鑫融系资金去向');
      await page.getByTestId('case-create-submit').click();
      await page.getByTestId('case-screen').waitFor();
      expect(await page.getByTestId('case-title').textContent()).toBe(title);
      caseUrl = page.url();

      await page.getByTestId('canvas-new').click();
      await page.getByTestId('canvas-title-input').fill('汇金股权');
      await pick(page, 'canvas-centre-picker', '江苏汇金控股', '江苏汇金控股集团有限公司');
      await page.getByTestId('canvas-title-ok').click();
      await page.getByTestId('canvas-open').waitFor();
      const keys = (await drawnNodes(page)).map((n) => n.key);
      expect(keys).toEqual(expect.arrayContaining([HUIJIN, TOUZI]));
      expect((await drawnNodes(page)).map((n) => n.label)).toEqual(expect.arrayContaining([WANG, LIHUA]));
      expect(new URL(page.url()).searchParams.get('canvas')).toBe(await page.getByTestId('canvas-open').getAttribute('data-canvas-id'));
    });

    it('adds a note and a hand-entered relation, drawn apart from the registry’s relationships with its author', async () => {
      const page = investigator;
      await page.getByTestId('tab-notes').click();
      await page.getByTestId('note-input').fill('王丽华疑为鑫融投资实际控制人，待核实。');
      await page.getByTestId('note-add').click();
      const note = page.getByTestId('note').first();
      await note.waitFor();
      expect(await note.getByTestId('note-text').textContent()).toBe('王丽华疑为鑫融投资实际控制人，待核实。');
      expect(await note.getByTestId('note-author').textContent()).toBe(investigatorShown);

      await page.getByTestId('tab-relations').click();
      await pick(page, 'relation-from', LIHUA, LIHUA);
      await pick(page, 'relation-to', '鑫融投资', TOUZI_NAME);
      await page.getByTestId('relation-informant').fill('知情人甲（笔录第 3 页）');
      await page.getByTestId('relation-add').click();
      const row = page.getByTestId('relation-row').first();
      await row.waitFor();
      expect(await row.getByTestId('relation-author').textContent()).toBe(investigatorShown);
      expect(await row.getByTestId('relation-grade').textContent()).toBe('B2');

      await page.getByTestId('tab-canvas').click();
      const lihua = (await drawnNodes(page)).find((n) => n.label === LIHUA)!;
      const hand = (await drawnEdges(page)).filter((e) => e.hand);
      expect(hand).toEqual([expect.objectContaining({ source: lihua.key, target: TOUZI, label: '✍ 实际控制 · B2' })]);
      // The registry's relationships are still their own edges; none of them is marked as hand-entered.
      expect((await drawnEdges(page)).some((e) => !e.hand && e.target === HUIJIN && e.label === '80.00%')).toBe(true);

      // Selecting the hand-entered edge names who entered it.
      const onEdge = await pointOnEdge(page, lihua.key, TOUZI);
      await page.mouse.click(onEdge.x, onEdge.y);
      const details = page.getByTestId('hand-relation-details');
      await details.waitFor();
      expect(await details.getByTestId('hand-relation-author').textContent()).toBe(investigatorShown);

      // Switched off, it is not drawn; the choice is in the address.
      await page.getByTestId('canvas-show-hand').click();
      await expect.poll(async () => (await drawnEdges(page)).some((e) => e.hand)).toBe(false);
      expect(new URL(page.url()).searchParams.get('hand')).toBe('0');
      await page.getByTestId('canvas-show-hand').click();
      await expect.poll(async () => (await drawnEdges(page)).some((e) => e.hand)).toBe(true);
    });

    it('saves the canvas with an entity moved and another hidden', async () => {
      const page = investigator;
      const wang = (await drawnNodes(page)).find((n) => n.label === WANG)!;
      const at = await screenPlace(page, wang.key);
      await page.mouse.move(at.x, at.y);
      await page.mouse.down();
      await page.mouse.move(at.x + 60, at.y + 90, { steps: 8 });
      await page.mouse.up();
      await page.getByTestId('canvas-dirty').waitFor();

      // Another of 汇金's holdings, not part of the relation: selected by a click, then hidden.
      const others = (await drawnNodes(page)).filter((n) => ![WANG, LIHUA].includes(n.label) && n.key !== HUIJIN && n.key !== TOUZI);
      const hidden = others[0]!;
      const place = await screenPlace(page, hidden.key);
      await page.mouse.click(place.x, place.y);
      await page.getByTestId('canvas-hide').click();
      await expect.poll(async () => (await drawnNodes(page)).map((n) => n.key)).not.toContain(hidden.key);

      await page.getByTestId('canvas-save').click();
      await expect.poll(() => page.getByTestId('canvas-open').getAttribute('data-version')).toBe('2');
      saved = await drawnNodes(page);
      const movedWang = saved.find((n) => n.key === wang.key)!;
      // Moved by the drag (the drawing's scale turns 60/90 px into model units; the direction is what matters).
      expect(movedWang.x).toBeGreaterThan(wang.x);
      expect(movedWang.y).toBeGreaterThan(wang.y);
      expect(saved.map((n) => n.key)).not.toContain(hidden.key);
    });

    it('shares the case with a regulator, who opens the canvas as it was saved', async () => {
      const page = investigator;
      await page.getByTestId('tab-members').click();
      await page.getByTestId('share-user').fill(regulatorName);
      await page.getByTestId('share-submit').click();
      await page.locator(`[data-testid="case-member"][data-user="${regulatorName}"]`).waitFor();

      await regulator.goto(new URL('/cases', app.url).href, { waitUntil: 'domcontentloaded' });
      await signInToApp(regulator, regulatorName);
      // Through the menu, as a colleague would find it.
      await regulator.getByTestId('nav-cases').click();
      await regulator.locator('[data-testid="case-link"]', { hasText: title }).click();
      await regulator.getByTestId('case-screen').waitFor();
      await regulator.getByTestId('canvas-select').click();
      await regulator.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '汇金股权' }).click();
      await regulator.getByTestId('canvas-open').waitFor();
      expect(await regulator.getByTestId('canvas-open').getAttribute('data-version')).toBe('2');
      const seen = await drawnNodes(regulator);
      const placeOf = (nodes: Drawn[]) => nodes.map((n) => [n.key, n.label, n.x, n.y]).sort();
      expect(placeOf(seen)).toEqual(placeOf(saved));
      expect((await drawnEdges(regulator)).filter((e) => e.hand).map((e) => e.label)).toEqual(['✍ 实际控制 · B2']);
      expect(await regulator.getByTestId('canvas-show-hidden').textContent()).toContain('1');
      expect(regulator.url()).toContain(new URL(caseUrl).pathname);

      await regulator.getByTestId('tab-relations').click();
      expect(await regulator.getByTestId('relation-author').first().textContent()).toBe(investigatorShown);
      await regulator.getByTestId('tab-canvas').click();
      // Only the owner shares or deletes.
      expect(await regulator.getByTestId('case-delete').count()).toBe(0);
    });

    it('tells the later of two saves of one canvas who saved in between, and offers reload or a copy', async () => {
      // The regulator moves an entity and saves first.
      await regulator.getByTestId('canvas-open').waitFor();
      const key = (await drawnNodes(regulator)).find((n) => n.key === HUIJIN)!.key;
      const at = await screenPlace(regulator, key);
      await regulator.mouse.move(at.x, at.y);
      await regulator.mouse.down();
      await regulator.mouse.move(at.x - 80, at.y + 40, { steps: 8 });
      await regulator.mouse.up();
      await regulator.getByTestId('canvas-save').click();
      await expect.poll(() => regulator.getByTestId('canvas-open').getAttribute('data-version')).toBe('3');

      // The investigator, still on version 2, saves too: refused, and told by whom.
      await investigator.getByTestId('tab-canvas').click();
      await investigator.getByTestId('canvas-save').click();
      const conflict = investigator.getByTestId('canvas-conflict');
      await conflict.waitFor();
      const text = (await conflict.textContent()) ?? '';
      expect(text).toContain(regulatorShown);
      expect(text).toContain('第 3 版');
      expect(text).toContain('没有保存');
      await investigator.screenshot({ path: join(SCREENSHOTS, 'case-conflict.png') });

      await investigator.getByTestId('conflict-reload').click();
      await expect.poll(() => investigator.getByTestId('canvas-open').getAttribute('data-version')).toBe('3');
      const reloaded = (await drawnNodes(investigator)).find((n) => n.key === HUIJIN)!;
      const theirs = (await drawnNodes(regulator)).find((n) => n.key === HUIJIN)!;
      expect([reloaded.x, reloaded.y]).toEqual([theirs.x, theirs.y]);
      expect(await investigator.getByTestId('canvas-version').textContent()).toContain(regulatorShown);

      // The dialog gone (its fade-out would grey the picture).
      await expect.poll(() => investigator.locator('.ant-modal-mask:visible, .ant-modal-wrap:visible').count()).toBe(0);
      await investigator.screenshot({ path: join(SCREENSHOTS, 'case.png') });
      expect(pageErrors).toEqual([]);
      expect(cspViolations).toEqual([]);
    });
  });
}
