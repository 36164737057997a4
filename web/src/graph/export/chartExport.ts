// The network and the penetration chart as files: SVG (vector, every label as text) and PNG at
// print resolution, both of every element rather than the part on screen, both watermarked with
// who exported them and when.
//
// The PNG is drawn tile by tile and written strip by strip (pngEncoder.ts), because cytoscape's
// own `png({full: true})` draws into one canvas, and a canvas past the browser's limit comes back
// empty (Chromium 156: 65 535 px a side — older releases 32 767 — and 2^28 px in all; Safari:
// 16.7 M px in all). Each tile is drawn by the same renderer call
// `cy.png()` and cytoscape-svg use — `drawElements` of cytoscape's canvas renderer, onto a context
// whose transform we set — so the live chart's viewport is never touched (no flicker, no viewport
// event reaching the screen's URL state) and nothing has to be copied into a second instance.

import type { Core } from '../cytoscape.ts';
import { saveBlob } from './download.ts';
import {
  DEFAULT_DPI,
  FOOTER_FONT_SIZE,
  FOOTER_HEIGHT,
  PAGE_MARGIN,
  TILE_SIDE,
  pageLayout,
  pngPlan,
  tilePlan,
  type BoundingBox,
  type PageLayout,
  type PngPlan,
  type Tile,
} from './exportPlan.ts';
import { StreamingPngWriter } from './pngEncoder.ts';
import {
  WATERMARK_ANGLE_DEGREES,
  WATERMARK_COLOR,
  WATERMARK_FONT_SIZE,
  WATERMARK_OPACITY,
  footerText,
  watermarkAnchors,
  watermarkText,
  type Watermark,
} from './watermark.ts';

export type { Watermark } from './watermark.ts';

export type ChartExportErrorCode =
  /** Nothing visible to export. */
  | 'empty-chart'
  /** This cytoscape build has no canvas renderer to draw tiles with (a headless instance). */
  | 'renderer-unavailable'
  /** The browser refused a drawing canvas (out of memory, canvas disabled by policy). */
  | 'canvas-unavailable'
  /** Elements were drawn and yet no pixel differs from the white ground: the file would be empty. */
  | 'blank-image'
  | 'svg-failed'
  | 'png-failed';

/** Why an export produced no file; the export button shows a message per code. */
export class ChartExportError extends Error {
  readonly code: ChartExportErrorCode;
  constructor(code: ChartExportErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ChartExportError';
    this.code = code;
  }
}

const SVG_NS = 'http://www.w3.org/2000/svg';
/** The stylesheet's label font, so the footer and watermark read like the chart. */
const FONT_FAMILY = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';
const FOOTER_COLOR = '#333333';
const PAGE_BACKGROUND = '#ffffff';

interface SvgExtension {
  svg(options: { full?: boolean; scale?: number; bg?: string }): string;
}

function requireVisibleElements(cy: Core): void {
  if (cy.elements(':visible').length === 0) throw new ChartExportError('empty-chart', 'the chart has no visible element');
}

/** The area cytoscape-svg and the tiles draw: every displayed element with its labels. */
function chartBounds(cy: Core): BoundingBox {
  const bb = cy.elements().boundingBox();
  return { x1: bb.x1, y1: bb.y1, w: bb.w, h: bb.h };
}

let measuringContext: CanvasRenderingContext2D | null = null;

/** A text's width in model units at `fontSize`, as the canvas (and so the SVG viewer, roughly) sets it. */
function textWidth(text: string, fontSize: number): number {
  measuringContext ??= document.createElement('canvas').getContext('2d');
  // Without a canvas, two em a character is the widest a CJK line gets; the footer still fits.
  if (!measuringContext) return text.length * fontSize * 2;
  measuringContext.font = `${fontSize}px ${FONT_FAMILY}`;
  return measuringContext.measureText(text).width;
}

function page(cy: Core, watermark: Watermark): PageLayout {
  return pageLayout(chartBounds(cy), textWidth(footerText(watermark), FOOTER_FONT_SIZE));
}

/** How far a watermark text reaches from its centre, whatever its angle. */
function watermarkReach(watermark: Watermark): number {
  return textWidth(watermarkText(watermark), WATERMARK_FONT_SIZE) / 2 + WATERMARK_FONT_SIZE;
}

// ---- SVG ------------------------------------------------------------------------------------

/**
 * The whole chart as an SVG document: cytoscape-svg's drawing (labels are <text> with the names as
 * character data — XMLSerializer writes CJK as it is, and the file is UTF-8) nested in a page with a
 * white ground, the repeated watermark and the footer line. Every string goes in as a text node.
 */
export function chartSvg(cy: Core, watermark: Watermark): string {
  requireVisibleElements(cy);
  const bounds = chartBounds(cy);
  let drawn: string;
  try {
    drawn = (cy as Core & SvgExtension).svg({ full: true, scale: 1 });
  } catch (cause) {
    // cytoscape-svg parses the canvas font with an ASCII-only pattern: a font-family named in
    // Chinese (e.g. 微软雅黑) makes it throw. The stylesheets name fonts in ASCII for this reason.
    throw new ChartExportError('svg-failed', 'cytoscape-svg could not draw the chart', { cause });
  }
  const parsed = new DOMParser().parseFromString(drawn, 'image/svg+xml');
  const drawing = parsed.documentElement;
  if (drawing.namespaceURI !== SVG_NS || parsed.getElementsByTagName('parsererror').length > 0) {
    throw new ChartExportError('svg-failed', 'cytoscape-svg returned no SVG document');
  }
  const layout = page(cy, watermark);
  const doc = document.implementation.createDocument(SVG_NS, 'svg', null);
  const root = doc.documentElement;
  const element = (name: string, attributes: Record<string, string | number>) => {
    const node = doc.createElementNS(SVG_NS, name);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
    return node;
  };
  root.setAttribute('version', '1.1');
  root.setAttribute('width', String(layout.width));
  root.setAttribute('height', String(layout.height));
  root.setAttribute('viewBox', `0 0 ${layout.width} ${layout.height}`);

  const title = element('title', {});
  title.textContent = footerText(watermark);
  root.append(title);
  root.append(element('rect', { x: 0, y: 0, width: layout.width, height: layout.height, fill: PAGE_BACKGROUND }));

  // cytoscape-svg sizes its drawing by the screen's pixel ratio; a viewBox of its own size maps it
  // back onto the chart's model units, where the page puts it.
  const nested = doc.importNode(drawing, true) as unknown as Element;
  const drawnWidth = Number(drawing.getAttribute('width')) || Math.ceil(bounds.w);
  const drawnHeight = Number(drawing.getAttribute('height')) || Math.ceil(bounds.h);
  nested.setAttribute('x', String(bounds.x1 - layout.originX));
  nested.setAttribute('y', String(bounds.y1 - layout.originY));
  nested.setAttribute('width', String(Math.ceil(bounds.w)));
  nested.setAttribute('height', String(Math.ceil(bounds.h)));
  nested.setAttribute('viewBox', `0 0 ${drawnWidth} ${drawnHeight}`);
  nested.setAttribute('preserveAspectRatio', 'none');
  nested.setAttribute('overflow', 'visible');
  root.append(nested);

  const marks = element('g', {
    'font-family': FONT_FAMILY,
    'font-size': WATERMARK_FONT_SIZE,
    fill: WATERMARK_COLOR,
    'fill-opacity': WATERMARK_OPACITY,
    'text-anchor': 'middle',
    'dominant-baseline': 'central',
    'pointer-events': 'none',
  });
  const markText = watermarkText(watermark);
  for (const { x, y } of watermarkAnchors(layout.width, layout.height)) {
    const mark = element('text', { transform: `translate(${x} ${y}) rotate(${WATERMARK_ANGLE_DEGREES})` });
    mark.textContent = markText;
    marks.append(mark);
  }
  root.append(marks);

  const footer = element('text', {
    x: PAGE_MARGIN,
    y: layout.footerTop + FOOTER_HEIGHT / 2,
    'font-family': FONT_FAMILY,
    'font-size': FOOTER_FONT_SIZE,
    fill: FOOTER_COLOR,
    'dominant-baseline': 'central',
  });
  footer.textContent = footerText(watermark);
  root.append(footer);

  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(doc)}`;
}

export async function downloadChartSvg(cy: Core, fileName: string, watermark: Watermark): Promise<void> {
  const svg = chartSvg(cy, watermark);
  saveBlob(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }), fileName);
}

// ---- PNG ------------------------------------------------------------------------------------

/** The part of cytoscape's canvas renderer that cy.png() and cytoscape-svg draw with. */
interface CanvasRendererDrawing {
  getCachedZSortedEles(): ArrayLike<CyElement>;
  drawElements(context: CanvasRenderingContext2D, elements: CyElement[]): void;
}
type CyElement = ReturnType<Core['elements']>[number];

function canvasRenderer(cy: Core): CanvasRendererDrawing {
  const renderer = (cy as Core & { renderer?: () => Partial<CanvasRendererDrawing> | undefined }).renderer?.();
  if (typeof renderer?.drawElements !== 'function' || typeof renderer.getCachedZSortedEles !== 'function') {
    throw new ChartExportError('renderer-unavailable', 'the chart has no canvas renderer to draw tiles with');
  }
  return renderer as CanvasRendererDrawing;
}

interface Placed {
  element: CyElement;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Elements in drawing order with their boxes, so each tile draws only those that reach into it. */
function placedElements(renderer: CanvasRendererDrawing): Placed[] {
  const sorted = renderer.getCachedZSortedEles();
  const placed: Placed[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const element = sorted[i]!;
    if (!element.visible()) continue;
    const bb = element.boundingBox();
    if (bb.w === 0 && bb.h === 0) continue;
    placed.push({ element, x1: bb.x1, y1: bb.y1, x2: bb.x2, y2: bb.y2 });
  }
  return placed;
}

/** A task boundary, so the page repaints (the spinner turns) between tiles; not throttled in a background tab as timers are. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

function hasInk(pixels: Uint8ClampedArray): boolean {
  for (let i = 0; i < pixels.length; i += 4) {
    if (pixels[i] !== 255 || pixels[i + 1] !== 255 || pixels[i + 2] !== 255) return true;
  }
  return false;
}

export interface RenderedPng {
  blob: Blob;
  plan: PngPlan;
  page: PageLayout;
}

/** Draws the watermarks and the footer that reach into `tile`, in page coordinates so tiles join up. */
function drawMarks(context: CanvasRenderingContext2D, tile: Tile, plan: PngPlan, layout: PageLayout, watermark: Watermark): boolean {
  const region = { x: tile.x / plan.scale, y: tile.y / plan.scale, width: tile.width / plan.scale, height: tile.height / plan.scale };
  const anchors = watermarkAnchors(layout.width, layout.height, region, watermarkReach(watermark));
  const footerReached = region.y + region.height >= layout.footerTop;
  if (anchors.length === 0 && !footerReached) return false;
  context.setTransform(plan.scale, 0, 0, plan.scale, -tile.x, -tile.y);
  context.save();
  context.globalAlpha = WATERMARK_OPACITY;
  context.fillStyle = WATERMARK_COLOR;
  context.font = `${WATERMARK_FONT_SIZE}px ${FONT_FAMILY}`;
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  const text = watermarkText(watermark);
  for (const { x, y } of anchors) {
    context.save();
    context.translate(x, y);
    context.rotate((WATERMARK_ANGLE_DEGREES * Math.PI) / 180);
    context.fillText(text, 0, 0);
    context.restore();
  }
  context.restore();
  if (footerReached) {
    context.save();
    context.fillStyle = FOOTER_COLOR;
    context.font = `${FOOTER_FONT_SIZE}px ${FONT_FAMILY}`;
    context.textAlign = 'left';
    context.textBaseline = 'middle';
    context.fillText(footerText(watermark), PAGE_MARGIN, layout.footerTop + FOOTER_HEIGHT / 2);
    context.restore();
  }
  return true;
}

/**
 * The whole chart as a PNG at `dpi` (see DEFAULT_DPI for what that means on paper), however large:
 * tiles of at most TILE_SIDE px are drawn one after another onto one small canvas and copied into a
 * strip, and each finished strip goes to the PNG writer, so memory holds one strip, not the image.
 */
export async function chartPng(cy: Core, watermark: Watermark, options: { dpi?: number } = {}): Promise<RenderedPng> {
  requireVisibleElements(cy);
  const renderer = canvasRenderer(cy);
  const layout = page(cy, watermark);
  const plan = pngPlan(layout, options.dpi ?? DEFAULT_DPI);
  const strips = tilePlan(plan.width, plan.height);
  const placed = placedElements(renderer);

  const canvas = document.createElement('canvas');
  canvas.width = Math.min(TILE_SIDE, plan.width);
  canvas.height = Math.max(...strips.map((strip) => strip.height));
  const context = canvas.getContext('2d', { willReadFrequently: true, alpha: false });
  if (!context) throw new ChartExportError('canvas-unavailable', `no ${canvas.width}×${canvas.height} canvas`);

  const writer = new StreamingPngWriter(plan.width, plan.height, plan.dpi);
  let inked = false;
  try {
    let stripPixels = new Uint8ClampedArray(0);
    for (const strip of strips) {
      const stripBytes = plan.width * strip.height * 4;
      if (stripPixels.length !== stripBytes) stripPixels = new Uint8ClampedArray(stripBytes);
      for (const tile of strip.tiles) {
        context.setTransform(1, 0, 0, 1, 0, 0);
        context.globalAlpha = 1;
        context.globalCompositeOperation = 'source-over';
        context.fillStyle = PAGE_BACKGROUND;
        context.fillRect(0, 0, tile.width, tile.height);

        const x1 = layout.originX + tile.x / plan.scale;
        const y1 = layout.originY + tile.y / plan.scale;
        const x2 = x1 + tile.width / plan.scale;
        const y2 = y1 + tile.height / plan.scale;
        const inTile = placed.filter((p) => p.x2 >= x1 && p.x1 <= x2 && p.y2 >= y1 && p.y1 <= y2).map((p) => p.element);
        let pixels: Uint8ClampedArray | null = null;
        if (inTile.length > 0) {
          context.setTransform(plan.scale, 0, 0, plan.scale, -tile.x - layout.originX * plan.scale, -tile.y - layout.originY * plan.scale);
          renderer.drawElements(context, inTile);
          if (!inked) {
            pixels = context.getImageData(0, 0, tile.width, tile.height).data;
            inked = hasInk(pixels);
          }
        }
        if (drawMarks(context, tile, plan, layout, watermark) || !pixels) pixels = context.getImageData(0, 0, tile.width, tile.height).data;

        const tileRow = tile.width * 4;
        for (let row = 0; row < tile.height; row++) {
          stripPixels.set(pixels.subarray(row * tileRow, (row + 1) * tileRow), (row * plan.width + tile.x) * 4);
        }
        await nextTask();
      }
      await writer.writeRows(stripPixels, strip.height);
    }
    if (!inked) throw new ChartExportError('blank-image', 'the chart was drawn but no pixel of it is visible');
    return { blob: await writer.finish(), plan, page: layout };
  } catch (error) {
    await writer.abort(error);
    if (error instanceof ChartExportError) throw error;
    throw new ChartExportError('png-failed', 'the PNG could not be made', { cause: error });
  } finally {
    // Frees the tile's backing store now rather than at the next collection.
    canvas.width = 0;
    canvas.height = 0;
  }
}

export async function downloadChartPng(cy: Core, fileName: string, watermark: Watermark, options?: { dpi?: number }): Promise<void> {
  const { blob } = await chartPng(cy, watermark, options);
  saveBlob(blob, fileName);
}
