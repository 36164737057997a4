/**
 * Cell values to the text a clerk sees, so every format hands the importers strings spelt alike:
 * numbers as plain decimals (never `1e-7`, never `0.30000000000000004`), dates as `YYYY-MM-DD`.
 */

/** Rewrites a number literal in exponent notation (`1.5e3`, `1e-7`) as a plain decimal, digit for digit. */
export function expandExponent(text: string): string {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?[eE]([+-]?\d+)$/.exec(text);
  if (!match) return text;
  const [, sign = '', int = '', frac = '', exp = '0'] = match;
  const shift = Number(exp);
  // A literal like 1e999999 would expand to a megabyte of zeros: keep it as written.
  if (Math.abs(shift) > 400) return text;
  let digits = int + frac;
  let point = int.length + shift;
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  } else if (point > digits.length) {
    digits += '0'.repeat(point - digits.length);
  }
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  const fraction = digits.slice(point).replace(/0+$/, '');
  const plain = fraction ? `${whole}.${fraction}` : whole;
  return sign === '-' && /[1-9]/.test(plain) ? `-${plain}` : plain;
}

/**
 * A spreadsheet number as Excel displays it in a General cell: 15 significant digits (Excel keeps
 * no more), so binary noise like 0.30000000000000004 reads 0.3, and no exponent.
 */
export function plainNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  const rounded = Number(value.toPrecision(15));
  return expandExponent(String(Object.is(rounded, -0) ? 0 : rounded));
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * `YYYY-MM-DD`, with ` HH:mm:ss` only when the time is not midnight; a bare time (a serial below 1,
 * i.e. on Excel's day zero) as `HH:mm:ss`. Dates are read in UTC because spreadsheet serials carry no
 * time zone and exceljs maps them onto UTC.
 */
export function dateText(date: Date): string {
  // Serials are stored as fractions of a day: round away the float noise to the second.
  const ms = Math.round(date.getTime() / 1000) * 1000;
  if (!Number.isFinite(ms)) return '';
  const d = new Date(ms);
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  if (ms >= EXCEL_DAY_ZERO && ms < EXCEL_DAY_ZERO + DAY) return time;
  const day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return time === '00:00:00' ? day : `${day} ${time}`;
}

const DAY = 24 * 3600 * 1000;
/** Serial 0 in Excel's 1900 date system, as exceljs converts it: 1899-12-30T00:00Z. */
const EXCEL_DAY_ZERO = Date.UTC(1899, 11, 30);

/** Drops quoted literals and [colour]/[locale] sections, which may hold any character. */
function formatCodeProper(numFmt: string): string {
  return numFmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
}

export const isPercentFormat = (numFmt: string | undefined): boolean => !!numFmt && formatCodeProper(numFmt).includes('%');

/** The same test exceljs applies, so a number in a date-formatted formula cell reads as a date too. */
export const isDateFormat = (numFmt: string | undefined): boolean => !!numFmt && /[ymdhsb]/i.test(formatCodeProper(numFmt).replace(/General/gi, ''));

/** Milliseconds since 1970 of an Excel 1900-system serial, as exceljs computes it. */
export const excelSerialToDate = (serial: number): Date => new Date(Math.round((serial - 25569) * DAY));

/**
 * Text of an exceljs cell value. Percent-formatted numbers keep their full precision (0.3512 in a
 * `0%` cell reads `35.12%`, not the `35%` on screen), because the figure matters more than the display.
 */
export function excelValueText(value: unknown, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (isPercentFormat(numFmt)) return Number.isFinite(value) ? `${plainNumber(value * 100)}%` : '';
    if (isDateFormat(numFmt)) return dateText(excelSerialToDate(value));
    return plainNumber(value);
  }
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return v.richText.map((run: { text?: unknown }) => (typeof run?.text === 'string' ? run.text : '')).join('');
    // A formula reads as its cached result; a formula never calculated has none.
    if ('formula' in v || 'sharedFormula' in v) return excelValueText(v.result, numFmt);
    if ('hyperlink' in v) return excelValueText(v.text, numFmt);
    if ('error' in v) return '';
    if ('text' in v) return excelValueText(v.text, numFmt);
  }
  return '';
}
