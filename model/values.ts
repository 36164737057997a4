/**
 * Parsers for the value spellings found in registration exports. Each returns null
 * for text it cannot read with certainty, so the importer can log the cell and go on.
 */
import { compact } from './text.ts';

export type RatioUnit = 'percent' | 'fraction' | 'ambiguous';
export interface ParsedRatio {
  value: number;
  unit: RatioUnit;
}

const NUMBER = /^\d+(?:\.\d+)?$|^\.\d+$/;

/** Drop thousands separators ('1,000'), including the full-width and ideographic commas. */
function stripGrouping(s: string): string {
  return s.replace(/(\d)[,，、](?=\d{3}(?:\D|$))/g, '$1');
}

/**
 * '35%', '３５％', '35' → 35 percent; '0.35' → 0.35 ambiguous (it may be a fraction or
 * 0.35%: the importer decides per column); '1/3' → fraction; '3.5‰' → 0.35 percent.
 * Negative values and more than 100% are not shareholdings: null.
 */
export function parseRatio(raw: string | number | null | undefined): ParsedRatio | null {
  if (raw === null || raw === undefined) return null;
  const s = stripGrouping(compact(String(raw)));
  if (s === '') return null;
  let m = /^(.+?)%$/.exec(s);
  if (m) {
    if (!NUMBER.test(m[1]!)) return null;
    const value = Number(m[1]);
    return value <= 100 ? { value, unit: 'percent' } : null;
  }
  m = /^(.+?)‰$/.exec(s);
  if (m) {
    if (!NUMBER.test(m[1]!)) return null;
    const value = round(Number(m[1]) / 10);
    return value <= 100 ? { value, unit: 'percent' } : null;
  }
  m = /^(\d+)\/(\d+)$/.exec(s);
  if (m) {
    const num = Number(m[1]);
    const den = Number(m[2]);
    if (den === 0 || num > den) return null;
    return { value: num / den, unit: 'fraction' };
  }
  if (!NUMBER.test(s)) return null;
  const value = Number(s);
  if (value <= 1) return { value, unit: 'ambiguous' };
  return value <= 100 ? { value, unit: 'percent' } : null;
}

/** A parsed ratio as a fraction of 1, reading an ambiguous bare number as the caller says. */
export function ratioToFraction(r: ParsedRatio, ambiguousAs: 'percent' | 'fraction'): number {
  if (r.unit === 'fraction') return r.value;
  if (r.unit === 'percent') return r.value / 100;
  return ambiguousAs === 'percent' ? r.value / 100 : r.value;
}

/**
 * The two fractions an ambiguous bare number stands for — '0.4' is 0.4% or 40% — or null when
 * the ratio is not ambiguous or both readings are the same number ('0' is nothing either way).
 */
export function ratioReadings(r: ParsedRatio): { percent: number; fraction: number } | null {
  if (r.unit !== 'ambiguous' || r.value === 0) return null;
  return { percent: r.value / 100, fraction: r.value };
}

/**
 * A fraction as a percentage, the one way every report, table and message prints a ratio:
 * 0.4 → '40%', 0.004 → '0.4%', 1/3 → '33.33%'. Two decimals at most, no trailing zeros, as
 * registers and clerks write holdings (the JSON keeps the exact number); a stake too small for
 * two decimals reads '<0.01%', never as no stake at all. (The web app, which imports nothing from
 * model/, prints the same way: web/src/graph/style.ts formatRatio.)
 */
export function percentText(fraction: number): string {
  const percent = Math.round(fraction * 10000) / 100;
  if (percent === 0 && fraction > 0) return '<0.01%';
  return `${percent}%`;
}

// ---------------------------------------------------------------------------

export type Currency =
  | 'CNY' | 'USD' | 'HKD' | 'EUR' | 'JPY' | 'GBP' | 'TWD' | 'MOP'
  | 'AUD' | 'CAD' | 'SGD' | 'CHF' | 'KRW';

export interface ParsedMoney {
  /** Amount in 万 (10,000) of the currency: registered capital is stated this way. */
  amountWan: number;
  currency: Currency;
  /** The cell text as given (trimmed). */
  text: string;
}

// Longest spellings first: '港元' must not be read as '元', '新台币' not as '台币'.
const CURRENCY_WORDS: ReadonlyArray<readonly [string, Currency]> = [
  ['人民币元', 'CNY'], ['新台币元', 'TWD'], ['新加坡元', 'SGD'], ['瑞士法郎', 'CHF'],
  ['人民币', 'CNY'], ['美元', 'USD'], ['美金', 'USD'], ['港元', 'HKD'], ['港币', 'HKD'],
  ['欧元', 'EUR'], ['日元', 'JPY'], ['英镑', 'GBP'], ['新台币', 'TWD'], ['台币', 'TWD'],
  ['澳门元', 'MOP'], ['澳门币', 'MOP'], ['澳元', 'AUD'], ['加元', 'CAD'], ['韩元', 'KRW'],
  ['RMB', 'CNY'], ['CNY', 'CNY'], ['USD', 'USD'], ['HKD', 'HKD'], ['EUR', 'EUR'],
  ['JPY', 'JPY'], ['GBP', 'GBP'], ['TWD', 'TWD'], ['MOP', 'MOP'], ['AUD', 'AUD'],
  ['CAD', 'CAD'], ['SGD', 'SGD'], ['CHF', 'CHF'], ['KRW', 'KRW'], ['元', 'CNY'],
];

/** Multiplier to 万 for each magnitude word (none: the amount is in units). */
const MAGNITUDES: ReadonlyArray<readonly [string, number]> = [
  ['千万', 1000], ['百万', 100], ['亿', 10000], ['万', 1], ['千', 0.1],
];

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/**
 * '1000万元人民币', '1,000万', '500万美元', '100万元', '50.5万人民币', '人民币1000万元',
 * '1000000元' → amount in 万 and currency (CNY when none is named). A bare number
 * says nothing of its unit: null unless the column's unit is passed as defaultUnit.
 */
export function parseMoney(
  raw: string | number | null | undefined,
  options: { defaultUnit?: 'wan' | 'yuan' } = {},
): ParsedMoney | null {
  if (raw === null || raw === undefined) return null;
  const text = String(raw).trim();
  let s = stripGrouping(compact(text)).toUpperCase().replace(/[()]/g, '');
  if (s === '') return null;

  // Currency words may stand before the number (人民币1000万元) and after it, up to two
  // (元人民币, 元美元). The bare '元' only says "units of money", so another word wins over it.
  const words: string[] = [];
  const takeCurrencyWord = (): boolean => {
    for (const [word] of CURRENCY_WORDS) {
      if (s.startsWith(word)) {
        words.push(word);
        s = s.slice(word.length);
        return true;
      }
    }
    return false;
  };
  takeCurrencyWord();
  const m = /^(\d+(?:\.\d+)?)(.*)$/.exec(s);
  if (!m) return null;
  const amount = Number(m[1]);
  s = m[2]!;

  let factor: number | null = null;
  for (const [word, f] of MAGNITUDES) {
    if (s.startsWith(word)) {
      factor = f;
      s = s.slice(word.length);
      break;
    }
  }
  if (takeCurrencyWord()) takeCurrencyWord();
  if (s !== '') return null;

  const specific = new Set(
    words.filter((w) => w !== '元').map((w) => CURRENCY_WORDS.find(([word]) => word === w)![1]),
  );
  // '美元人民币' contradicts itself.
  if (specific.size > 1) return null;
  const cur: Currency = [...specific][0] ?? 'CNY';

  if (factor === null) {
    if (words.length > 0) factor = 1e-4;
    else if (options.defaultUnit === 'wan') factor = 1;
    else if (options.defaultUnit === 'yuan') factor = 1e-4;
    else return null;
  }
  return { amountWan: round(amount * factor), currency: cur, text };
}

// ---------------------------------------------------------------------------

/**
 * '2015年3月2日', '2015-03-02', '2015/3/2', '2015.3.2', '20150302' (a trailing time is
 * ignored) → '2015-03-02'. Impossible dates (2015-02-30) → null. Excel serial numbers
 * are the importer's business: it knows whether the cell was a date.
 */
export function parseDate(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const s = toDatePart(String(raw));
  let m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  m ??= /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  m ??= /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/.exec(s);
  if (!m) return null;
  return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

function toDatePart(raw: string): string {
  // Keep the separator space between date and time long enough to cut the time off.
  const s = raw.normalize('NFKC').trim();
  const withoutTime = s.replace(/(?:[T\s]+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/, '');
  return withoutTime.replace(/\s+/g, '');
}

export function isoDate(y: number, m: number, d: number): string | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  if (d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
