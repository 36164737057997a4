// The geometry of an exported chart, kept apart from any canvas so it can be tested: the page
// around the chart (margin, footer), the PNG's pixel size for a print resolution, the tiles and
// strips the PNG is rendered and written in, and where the watermark repeats.

/** Cytoscape's model units are CSS pixels at zoom 1, and CSS fixes those at 96 to the inch. */
export const CSS_PX_PER_INCH = 96;

/**
 * 300 dpi, the usual print resolution: the chart printed at the size it has on screen at 100 %
 * gets 300 pixels an inch, 3.125 × the screen. A 156-unit firm box prints 41 mm wide with its 12 px
 * name at 9 pt, and A4's width of chart (794 units) becomes the 2480 px an A4 page at 300 dpi has.
 */
export const DEFAULT_DPI = 300;

/**
 * Past this the resolution is lowered (and the file says so in its pHYs chunk): 600 megapixels is
 * an A0 sheet at 300 dpi twice over, and takes the browser about a minute to render and deflate.
 */
export const MAX_PNG_PIXELS = 600_000_000;

/**
 * Tiles stay within 4096 px a side: under every browser's canvas limits (Safari allows 16.7 M px
 * of area, which is 4096²), so a tile never comes back blank for being too big.
 */
export const TILE_SIDE = 4096;

/** How much RGBA a strip (one row of tiles) may hold at once; it bounds memory however wide the image is. */
export const STRIP_BYTES = 64 * 1024 * 1024;

/** Blank space around the chart, in model units, so labels at the edge are not cut by the frame. */
export const PAGE_MARGIN = 24;
/** The band under the chart that carries the footer line (operator and time). */
export const FOOTER_HEIGHT = 32;
export const FOOTER_FONT_SIZE = 12;

export interface BoundingBox {
  x1: number;
  y1: number;
  w: number;
  h: number;
}

/** The exported page in model units: the chart's bounding box with a margin, and a footer band below. */
export interface PageLayout {
  /** Model coordinates of the page's top-left corner. */
  originX: number;
  originY: number;
  width: number;
  height: number;
  /** Where the footer band begins, from the top of the page. */
  footerTop: number;
}

/** `footerWidth`: the footer line's width in model units, so a one-node chart still fits its footer. */
export function pageLayout(chart: BoundingBox, footerWidth: number): PageLayout {
  const chartWidth = chart.w + 2 * PAGE_MARGIN;
  const chartHeight = chart.h + 2 * PAGE_MARGIN;
  return {
    originX: chart.x1 - PAGE_MARGIN,
    originY: chart.y1 - PAGE_MARGIN,
    width: Math.ceil(Math.max(chartWidth, footerWidth + 2 * PAGE_MARGIN)),
    height: Math.ceil(chartHeight + FOOTER_HEIGHT),
    footerTop: chartHeight,
  };
}

export interface PngPlan {
  /** The resolution actually used: the one asked for unless the image would pass MAX_PNG_PIXELS. */
  dpi: number;
  /** Image pixels per model unit. */
  scale: number;
  width: number;
  height: number;
}

export function pngPlan(page: Pick<PageLayout, 'width' | 'height'>, dpi: number, maxPixels = MAX_PNG_PIXELS): PngPlan {
  if (!(dpi > 0)) throw new RangeError(`dpi must be positive, not ${dpi}`);
  let used = dpi;
  const area = page.width * page.height;
  if (area * (used / CSS_PX_PER_INCH) ** 2 > maxPixels) {
    used = Math.floor(Math.sqrt(maxPixels / area) * CSS_PX_PER_INCH);
  }
  const scale = used / CSS_PX_PER_INCH;
  return { dpi: used, scale, width: Math.max(1, Math.ceil(page.width * scale)), height: Math.max(1, Math.ceil(page.height * scale)) };
}

/** A rectangle of the image in pixels. */
export interface Tile {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A horizontal band of the image, rendered tile by tile and then written to the PNG in one go. */
export interface Strip {
  y: number;
  height: number;
  tiles: Tile[];
}

export interface TileLimits {
  tileSide: number;
  stripBytes: number;
}

/**
 * Cuts a width × height image into strips of tiles, top to bottom and left to right: no tile is
 * wider or taller than `tileSide`, and no strip holds more than `stripBytes` of RGBA (so a very
 * wide image gets shorter strips), but a strip is never less than one row.
 */
export function tilePlan(width: number, height: number, limits: TileLimits = { tileSide: TILE_SIDE, stripBytes: STRIP_BYTES }): Strip[] {
  const stripHeight = Math.max(1, Math.min(limits.tileSide, Math.floor(limits.stripBytes / (width * 4))));
  const strips: Strip[] = [];
  for (let y = 0; y < height; y += stripHeight) {
    const h = Math.min(stripHeight, height - y);
    const tiles: Tile[] = [];
    for (let x = 0; x < width; x += limits.tileSide) tiles.push({ x, y, width: Math.min(limits.tileSide, width - x), height: h });
    strips.push({ y, height: h, tiles });
  }
  return strips;
}
