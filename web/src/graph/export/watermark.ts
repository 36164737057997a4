// Who exported a chart and when, on the chart itself: a faint diagonal line repeated over the
// whole page (it survives cropping) and a footer line (it survives a printer's scaling). The text is
// Chinese whatever the interface language: it marks an official work product, and the SVG and PNG
// of one export must carry the same words.

export interface Watermark {
  /** The signed-in user as people know them, e.g. '张三（zhangsan）'. */
  operator: string;
  at: Date;
}

/** How the watermark names the signed-in user: the name people know, and the account it belongs to. */
export function operatorName(user: { displayName: string; name: string }): string {
  return user.displayName && user.displayName !== user.name ? `${user.displayName}（${user.name}）` : user.name;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM-DD HH:mm' in the exporting machine's time zone, as the clerk's clock shows it. */
export function formatExportTime(at: Date): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** 'YYYYMMDD-HHmm', for file names. */
export function fileTimeStamp(at: Date): string {
  return `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}`;
}

/** The diagonal text repeated across the page. */
export function watermarkText(watermark: Watermark): string {
  return `${watermark.operator} ${formatExportTime(watermark.at)}`;
}

/** The line under the chart. */
export function footerText(watermark: Watermark): string {
  return `导出人 ${watermark.operator}　导出时间 ${formatExportTime(watermark.at)}`;
}

/** Model units between repetitions, across and down; rows are staggered by half a step. */
export const WATERMARK_STEP_X = 360;
export const WATERMARK_STEP_Y = 200;
export const WATERMARK_FONT_SIZE = 16;
/** Rising to the right, as watermarks on printed documents usually run. */
export const WATERMARK_ANGLE_DEGREES = -30;
/** Faint enough to read the chart through, dark enough to survive a photocopy. */
export const WATERMARK_COLOR = '#000000';
export const WATERMARK_OPACITY = 0.08;

export interface Point {
  x: number;
  y: number;
}

export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The centres of the repeated watermark on a page of width × height (model units). The first row
 * and column start within the page even when it is smaller than one step, so the smallest chart is
 * still marked. With `region` (and `reach`, how far a text extends from its centre) only the
 * centres whose text can touch that region: a tile draws just those, and since every tile places
 * them in page coordinates the marks continue seamlessly across tile borders.
 */
export function watermarkAnchors(width: number, height: number, region?: Region, reach = 0): Point[] {
  const firstX = Math.min(WATERMARK_STEP_X / 2, width / 2);
  const firstY = Math.min(WATERMARK_STEP_Y / 2, height / 2);
  const anchors: Point[] = [];
  for (let row = 0, y = firstY; y < height; row++, y += WATERMARK_STEP_Y) {
    const shift = row % 2 === 1 ? WATERMARK_STEP_X / 2 : 0;
    // Staggered rows start half a step left of the page so their left edge is covered too.
    for (let x = firstX + shift - (shift > 0 ? WATERMARK_STEP_X : 0); x < width + WATERMARK_STEP_X / 2; x += WATERMARK_STEP_X) {
      if (region && (x + reach < region.x || x - reach > region.x + region.width || y + reach < region.y || y - reach > region.y + region.height)) continue;
      anchors.push({ x, y });
    }
  }
  return anchors;
}
