/**
 * The spellings real exports use for the same value. Each writer mixes them within a file,
 * ratios too: a shareholder column of percents holds `35%` and bare `35`, and now and then a
 * fraction `0.4` typed by someone else, which only the firm's other holdings can read (a bare
 * number ≤ 1 is a percent or a fraction). Bare percents are written only above 1, so a bare
 * number ≤ 1 in a generated file is always one the truth file lists as ambiguous.
 */
import type { Rng } from './rng.ts';

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export const iso = ({ y, m, d }: Ymd): string => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

export function parseIso(text: string): Ymd {
  const [y, m, d] = text.split('-').map(Number);
  return { y: y!, m: m!, d: d! };
}

export function compareYmd(a: Ymd, b: Ymd): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

export function addDays(date: Ymd, days: number): Ymd {
  const t = new Date(Date.UTC(date.y, date.m - 1, date.d) + days * 86_400_000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function randomDate(rng: Rng, fromYear: number, toYear: number): Ymd {
  return { y: rng.int(fromYear, toYear), m: rng.int(1, 12), d: rng.int(1, 28) };
}

/** '2015年3月2日', '2015-03-02', '2015/3/2', '20150302'. */
export function dateText(date: Ymd, rng: Rng): string {
  const { y, m, d } = date;
  return rng.weighted<string>([
    [iso(date), 5],
    [`${y}年${m}月${d}日`, 3],
    [`${y}/${m}/${d}`, 1],
    [`${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`, 1],
  ]);
}

/** A date no parser accepts: a 13th month or the 30th of February, as typed by hand. */
export function badDateText(rng: Rng): string {
  const y = rng.int(2008, 2022);
  return rng.weighted<string>([
    [`${y}-02-30`, 2],
    [`${y}年13月${rng.int(1, 28)}日`, 2],
    [`${y}/0/${rng.int(1, 28)}`, 1],
    [`${y}-11-31`, 1],
  ]);
}

function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

function trimNumber(n: number): string {
  return String(Math.round(n * 100) / 100);
}

export type Currency = 'CNY' | 'USD' | 'HKD';

/** Registered capital and amounts: '1000万元人民币', '1,000万', '500万美元', '1000000元', '人民币1000万元'. */
export function moneyText(wan: number, currency: Currency, rng: Rng): string {
  const n = trimNumber(wan);
  if (currency === 'USD') return rng.chance(0.8) ? `${n}万美元` : `${n}万元美元`;
  if (currency === 'HKD') return `${n}万港元`;
  const g = Number.isInteger(wan) && wan >= 1000 && rng.chance(0.35) ? grouped(wan) : n;
  const yuan = Number.isInteger(wan) && wan <= 500;
  return rng.weighted<string>([
    [`${g}万元人民币`, 5],
    [`${g}万元`, 4],
    [`${g}万`, 1],
    [`${g}万人民币`, 1],
    [`人民币${n}万元`, 1],
    [yuan ? `${grouped(wan * 10000)}元` : `${g}万元`, 1],
  ]);
}

/** Amounts written out in Chinese numerals or hedged: no parser reads them. */
export function badMoneyText(rng: Rng): string {
  return rng.pick(['壹仟万元', '伍佰万元整', '约5000万元', '若干', '待定万元', '叁拾万元']);
}

/** A percentage as the shareholder file prints it: '35%', '33.33%'. */
export function percentText(pct: number): string {
  return `${trimNumber(pct)}%`;
}

/** A percentage without its sign: '35', '33.33'. Only for more than 1%, which no one reads as a fraction. */
export function barePercentText(pct: number): string {
  if (!(pct > 1)) throw new Error(`generator: a bare ${pct} would read as a fraction`);
  return trimNumber(pct);
}

/** A ratio as a fraction, as the beneficial-owner filings print it: '0.35', '0.2499'. */
export function fractionText(pct: number): string {
  return String(Math.round(pct * 100) / 10000);
}

export function badPercentText(rng: Rng): string {
  return rng.pick(['百分之三十', '百分之五十', '120%', '150%', '三成']);
}

/** Full-width forms of ASCII digits and punctuation, as typed with a Chinese input method. */
export function fullWidth(text: string): string {
  return text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

/** A name as another export prints it: half-width brackets, or a stray space at either end. */
export function nameVariant(name: string, rng: Rng): string {
  const r = rng.float();
  if (r < 0.04 && name.includes('（')) return name.replace('（', '(').replace('）', ')');
  if (r < 0.06) return `${name} `;
  if (r < 0.07) return ` ${name}`;
  if (r < 0.075) return `${name}\u3000`;
  return name;
}

/** A landline with the area code, or a mobile; written with the separators people use. */
export function phoneText(digits: string, rng: Rng): string {
  const r = rng.float();
  if (digits.startsWith('1')) {
    if (r < 0.1) return `${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`;
    if (r < 0.13) return fullWidth(digits);
    return digits;
  }
  const cut = digits.startsWith('02') || digits.startsWith('01') ? 3 : 4;
  if (r < 0.6) return `${digits.slice(0, cut)}-${digits.slice(cut)}`;
  if (r < 0.7) return `(${digits.slice(0, cut)})${digits.slice(cut)}`;
  if (r < 0.75) return fullWidth(`${digits.slice(0, cut)}-${digits.slice(cut)}`);
  return digits;
}
