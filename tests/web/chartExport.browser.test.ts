// The chart exports in a real browser (Debian's Chromium), on a harness page that draws charts with
// the product's cytoscape module and exports them with the product's export code — no server, no
// database, no screen of the app — built with Vite and served from a temporary folder. The files
// are taken from the browser's download, as a user would get them.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { SaxesParser } from 'saxes';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSS_PX_PER_INCH, DEFAULT_DPI, FOOTER_HEIGHT, PAGE_MARGIN } from '../../web/src/graph/export/exportPlan.ts';
import { launchBrowser, SCREENSHOTS } from '../support/browser.ts';
import { decodePng } from './fixtures/exportHarness/decodePng.ts';
// The harness's window.exportHarness type.
import type {} from './fixtures/exportHarness/main.ts';

const HARNESS = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'exportHarness');
/** The exported files are kept as the test's artifacts, beside the screens' screenshots. */
const ARTIFACTS = SCREENSHOTS;
/** Chromium's canvas limit on a side (156 here; older releases stopped at 32 767), past which a canvas stays blank. */
const CANVAS_MAX_SIDE = 65535;
const OPERATOR = '张三（zhangsan）';
const AT = '2026-12-07T09:05:00';
const WATERMARK = `${OPERATOR} 2026-12-07 09:05`;
const FOOTER = `导出人 ${OPERATOR}　导出时间 2026-12-07 09:05`;

const CITIES = ['南京', '上海', '苏州', '杭州', '无锡', '常州', '扬州', '镇江', '宁波', '合肥'];
const TRADES = ['鑫融财富管理', '恒通贸易', '华泰投资', '金桥实业', '瑞丰商贸'];
/** 50 firm names, and one whose characters XML must escape, to show the text stays text. */
const NAMES = [...CITIES.flatMap((city) => TRADES.map((trade) => `${city}${trade}有限公司`)).slice(0, 49), '上海<&>"甲乙"咨询有限公司'];

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

function serve(root: string): Promise<Server> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    try {
      const body = readFileSync(join(root, path === '/' ? 'index.html' : path));
      response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? (path === '/' ? TYPES['.html']! : 'application/octet-stream') });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Every <text> element's character data, after checking the document is well-formed XML. */
function svgTexts(svg: string): string[] {
  const parser = new SaxesParser({ xmlns: true });
  const texts: string[] = [];
  let inText = 0;
  let current = '';
  parser.on('opentag', (tag) => {
    if (tag.local === 'text') {
      inText++;
      current = '';
    }
  });
  parser.on('text', (text) => {
    if (inText) current += text;
  });
  parser.on('closetag', (tag) => {
    if (tag.local === 'text') {
      inText--;
      texts.push(current);
    }
  });
  parser.write(svg).close();
  return texts;
}

async function download(page: Page, run: () => Promise<unknown>): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), run()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

describe('chart export (browser)', () => {
  let outDir = '';
  let server: Server | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'chuantou-export-harness-'));
    await build({
      configFile: false,
      root: HARNESS,
      base: './',
      logLevel: 'error',
      build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 10_000, reportCompressedSize: false },
    });
    server = await serve(outDir);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1100, height: 800 }, locale: 'zh-CN', acceptDownloads: true });
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.waitForFunction(() => 'exportHarness' in window);
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('exports 50 firms with Chinese names as an SVG whose text holds every name, the watermark and the footer', async () => {
    await page.evaluate((names) => window.exportHarness.drawGrid(names, 10), NAMES);
    const file = await download(page, () =>
      page.evaluate(({ operator, at }) => window.exportHarness.exportSvg('股权图-20261207-0905.svg', operator, at), { operator: OPERATOR, at: AT }),
    );
    expect(file.name).toBe('股权图-20261207-0905.svg');
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, 'chart-export.svg'), file.bytes);
    const svg = file.bytes.toString('utf8');
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const texts = svgTexts(svg);
    for (const name of NAMES) expect(texts).toContain(name);
    // The page is 2000 × 600 units: the watermark repeats, it is not one stamp in a corner.
    expect(texts.filter((text) => text === WATERMARK).length).toBeGreaterThanOrEqual(10);
    expect(texts).toContain(FOOTER);
    // Edges and their labels are drawn too, not only the nodes.
    expect(texts).toContain('10%');
    expect(pageErrors).toEqual([]);
  });

  it('exports a chart 67 000 px wide at 300 dpi, past the canvas limit where cytoscape\'s own PNG is empty, as a PNG drawn where the nodes are', async () => {
    const positions = await page.evaluate(() => window.exportHarness.drawChain(120, 1, 180));
    const bounds = await page.evaluate(() => window.exportHarness.bounds());
    const scale = DEFAULT_DPI / CSS_PX_PER_INCH;
    const width = Math.ceil(Math.ceil(bounds.w + 2 * PAGE_MARGIN) * scale);
    const height = Math.ceil(Math.ceil(bounds.h + 2 * PAGE_MARGIN + FOOTER_HEIGHT) * scale);
    expect(width).toBeGreaterThan(CANVAS_MAX_SIDE);
    // What the PNG exporter exists for: the single-canvas export gives back an empty data URL here.
    expect(await page.evaluate((s) => window.exportHarness.cytoscapeFullPngLength(s), scale)).toBe('data:,'.length);

    const started = Date.now();
    const file = await download(page, () =>
      page.evaluate(({ operator, at }) => window.exportHarness.exportPng('链-20261207-0905.png', operator, at), { operator: OPERATOR, at: AT }),
    );
    const exportMs = Date.now() - started;
    expect(file.name).toBe('链-20261207-0905.png');
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, 'chart-export-long.png'), file.bytes);
    const png = decodePng(file.bytes);
    expect({ width: png.width, height: png.height }).toEqual({ width, height });
    expect(png.physPerUnit).toBe(Math.round(DEFAULT_DPI / 0.0254));

    const toPixel = (x: number, y: number) => [Math.round((x - bounds.x1 + PAGE_MARGIN) * scale), Math.round((y - bounds.y1 + PAGE_MARGIN) * scale)] as const;
    const isWhite = ([r, g, b]: number[]) => r! > 240 && g! > 240 && b! > 240;
    for (const node of positions) {
      // Inside the firm box below its name: the box's pale blue, on every tile and strip.
      const [x, y] = toPixel(node.x - 40, node.y + 17);
      const [r, , b] = png.pixel(x, y);
      expect(isWhite(png.pixel(x, y)), `box of node at ${node.x},${node.y}`).toBe(false);
      expect(b, `box of node at ${node.x},${node.y} is blue`).toBeGreaterThan(r);
      // Its border on the left.
      const [bx, by] = toPixel(node.x - 78, node.y);
      const border = [-2, -1, 0, 1, 2].map((dx) => png.pixel(bx + dx, by));
      expect(border.some((pixel) => !isWhite(pixel)), `border of node at ${node.x},${node.y}`).toBe(true);
    }
    // Chromium's own PNG decoder (not only the test's) reads the file, with the same pixels.
    const samples = positions.filter((_, i) => i % 15 === 0).map((node) => toPixel(node.x - 40, node.y + 17));
    const decodedByChromium = await page.evaluate(
      async ({ base64, points }) => {
        const blob = new Blob([Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0))], { type: 'image/png' });
        const whole = await createImageBitmap(blob);
        const canvas = new OffscreenCanvas(1, 1);
        const context = canvas.getContext('2d')!;
        const pixels: number[][] = [];
        for (const [x, y] of points) {
          context.drawImage(await createImageBitmap(blob, x, y, 1, 1), 0, 0);
          pixels.push(Array.from(context.getImageData(0, 0, 1, 1).data.slice(0, 3)));
        }
        return { width: whole.width, height: whole.height, pixels };
      },
      { base64: file.bytes.toString('base64'), points: samples },
    );
    expect(decodedByChromium).toEqual({ width, height, pixels: samples.map(([x, y]) => png.pixel(x, y)) });
    // Between the chain and the turned-down end there is only paper (and at most the faint watermark).
    const [gx, gy] = toPixel(positions[60]!.x, positions[60]!.y + 120);
    expect(png.pixel(gx, gy).every((channel) => channel > 200)).toBe(true);
    // The footer line is written in the band under the chart.
    const footerTop = Math.round(Math.ceil(bounds.h + 2 * PAGE_MARGIN) * scale);
    let inked = 0;
    for (let y = footerTop; y < height; y += 2) for (let x = Math.round(PAGE_MARGIN * scale); x < 1200; x += 2) if (png.pixel(x, y)[0] < 128) inked++;
    expect(inked).toBeGreaterThan(50);
    expect(pageErrors).toEqual([]);
    console.info(`PNG ${width}×${height} px exported in ${exportMs} ms, ${file.bytes.length} bytes`);
  });
});
