/**
 * Resident ID number 公民身份号码, GB 11643-1999, and the other personal documents
 * that appear in the same 证件号码 columns.
 *
 * A masked number (3201**********1234) is not an identity: it is kept as what it is,
 * never padded into a full number.
 */
import { compact } from '../text.ts';

export const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

export type ParsedResidentId =
  | { kind: 'full'; value: string; divisionCode: string; birthDate: string; sex: 'M' | 'F' }
  | {
      kind: 'legacy15';
      value: string;
      /** The 18-digit number the 15-digit one was converted to (century 19 inserted, check char computed). */
      value18: string;
      divisionCode: string;
      birthDate: string;
      sex: 'M' | 'F';
    }
  | { kind: 'masked'; value: string; prefix: string; suffix: string }
  | { kind: 'invalid'; value: string; reason: 'length' | 'charset' | 'date' | 'check' };

/** Fold width and case, and write every mask character as '*'. */
function normalizeIdText(raw: string): string {
  let v = compact(raw).toUpperCase().replace(/[×✕╳]/g, '*');
  // Some sources mask with letters ("3201XXXXXXXXXX1234"); a single X can only be the check char.
  if (/X{2,}/.test(v.slice(0, -1))) v = v.replace(/X{2,}/g, (run) => '*'.repeat(run.length));
  return v;
}

export function residentIdCheckChar(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * RESIDENT_ID_WEIGHTS[i]!;
  return CHECK_CHARS.charAt(sum % 11);
}

/** 'YYYYMMDD' → 'YYYY-MM-DD' when it is a real calendar date, else null. */
function calendarDate(yyyymmdd: string): string | null {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < 1850 || m < 1 || m > 12 || d < 1) return null;
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > daysInMonth) return null;
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

export function parseResidentId(raw: string): ParsedResidentId {
  const value = normalizeIdText(raw);
  if (value.includes('*')) {
    if (!/^[\dX*]+$/.test(value)) return { kind: 'invalid', value, reason: 'charset' };
    const prefix = value.slice(0, value.indexOf('*'));
    const suffix = value.slice(value.lastIndexOf('*') + 1);
    return { kind: 'masked', value, prefix, suffix };
  }
  if (value.length === 18) {
    if (!/^\d{17}[\dX]$/.test(value)) return { kind: 'invalid', value, reason: 'charset' };
    const birthDate = calendarDate(value.slice(6, 14));
    if (!birthDate) return { kind: 'invalid', value, reason: 'date' };
    if (residentIdCheckChar(value.slice(0, 17)) !== value.charAt(17)) {
      return { kind: 'invalid', value, reason: 'check' };
    }
    const sex = Number(value.charAt(16)) % 2 === 1 ? 'M' : 'F';
    return { kind: 'full', value, divisionCode: value.slice(0, 6), birthDate, sex };
  }
  if (value.length === 15) {
    if (!/^\d{15}$/.test(value)) return { kind: 'invalid', value, reason: 'charset' };
    const birthDate = calendarDate('19' + value.slice(6, 12));
    if (!birthDate) return { kind: 'invalid', value, reason: 'date' };
    const first17 = value.slice(0, 6) + '19' + value.slice(6);
    const value18 = first17 + residentIdCheckChar(first17)!;
    const sex = Number(value.charAt(14)) % 2 === 1 ? 'M' : 'F';
    return { kind: 'legacy15', value, value18, divisionCode: value.slice(0, 6), birthDate, sex };
  }
  return { kind: 'invalid', value, reason: 'length' };
}

/** The 18-digit number a raw ID stands for, or null when it is masked or invalid. */
export function fullResidentId(raw: string): string | null {
  const p = parseResidentId(raw);
  if (p.kind === 'full') return p.value;
  if (p.kind === 'legacy15') return p.value18;
  return null;
}

/** Display form: first 4 and last 4 characters visible, the rest '*'. */
export function maskResidentId(value: string): string {
  const v = normalizeIdText(value);
  if (v.length <= 8) return '*'.repeat(v.length);
  return v.slice(0, 4) + '*'.repeat(v.length - 8) + v.slice(-4);
}

/**
 * Whether a masked number could be the given full number: every visible character
 * agrees in position. Sources that print a different number of stars are compared
 * on their leading and trailing visible characters only.
 */
export function maskedCompatible(masked: string, full: string): boolean {
  const m = normalizeIdText(masked);
  const f = fullResidentId(full) ?? normalizeIdText(full);
  if (m.length === f.length) {
    for (let i = 0; i < m.length; i++) {
      const c = m.charAt(i);
      if (c !== '*' && c !== f.charAt(i)) return false;
    }
    return true;
  }
  const star = m.indexOf('*');
  if (star < 0) return false;
  const prefix = m.slice(0, star);
  const suffix = m.slice(m.lastIndexOf('*') + 1);
  return prefix.length + suffix.length <= f.length && f.startsWith(prefix) && f.endsWith(suffix);
}

export type OtherPersonalIdKind = 'passport' | 'hkmo-permit' | 'tw-permit' | 'residence-permit' | 'unknown';

/**
 * Recognise non-resident documents by the declared document type (证件类型) when given,
 * else by shape. Shapes overlap (a foreign passport can be anything), so a declared type wins.
 */
export function parseOtherPersonalId(raw: string, typeText?: string | null): { kind: OtherPersonalIdKind; value: string } {
  const value = compact(raw).toUpperCase();
  const type = typeText ? compact(typeText) : '';
  const hkmo = /^[HM]\d{8}(\d{2})?$/.test(value);
  const tw = /^\d{8}$/.test(value);
  const residence = /^8[123]\d{15}[\dX]$/.test(value);
  const cnPassport = /^(E[A-Z0-9]?\d{7,8}|G\d{8}|[PSD]E?\d{7})$/.test(value);
  const anyPassport = /^[A-Z0-9]{5,17}$/.test(value);

  if (type) {
    if (/居住证/.test(type) && residence) return { kind: 'residence-permit', value };
    if (/港澳/.test(type) && hkmo) return { kind: 'hkmo-permit', value };
    if (/(台湾|台胞|臺灣)/.test(type) && tw) return { kind: 'tw-permit', value };
    if (/(护照|護照|PASSPORT)/i.test(type) && anyPassport) return { kind: 'passport', value };
  }
  if (residence) return { kind: 'residence-permit', value };
  if (hkmo) return { kind: 'hkmo-permit', value };
  if (tw) return { kind: 'tw-permit', value };
  if (cnPassport) return { kind: 'passport', value };
  return { kind: 'unknown', value };
}
