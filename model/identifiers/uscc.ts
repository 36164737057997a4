/**
 * Unified social credit code 统一社会信用代码, GB 32100-2015.
 * 18 characters: department, category, 6-digit division (GB/T 2260) of the
 * registering authority, 9-character organisation code (GB 11714), check character.
 */
import { compact } from '../text.ts';

/** The code's alphabet: digits and capitals without I, O, Z, S, V (too easily misread). */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** 3^(i-1) mod 31 for positions 1..17. */
export const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type UsccFailure = 'length' | 'charset' | 'check';

export type ParsedUscc =
  | {
      ok: true;
      value: string;
      /** pos 1: registering department, e.g. '9' market regulation, '5' civil affairs. */
      departmentCode: string;
      /** pos 2: entity category within the department, e.g. '1' enterprise under '9'. */
      categoryCode: string;
      /** pos 3–8: division of the registering authority (may be retired or a 市辖区/development-zone code). */
      divisionCode: string;
      /** pos 9–17: organisation code. */
      organisationCode: string;
    }
  | { ok: false; value: string; reason: UsccFailure };

export function normalizeUscc(raw: string): string {
  return compact(raw).toUpperCase();
}

/** The check character for the first 17 characters, or null if they are not 17 characters of the alphabet. */
export function usccCheckChar(first17: string): string | null {
  const body = normalizeUscc(first17);
  if (body.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(body.charAt(i));
    if (v < 0) return null;
    sum += v * USCC_WEIGHTS[i]!;
  }
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

export function parseUscc(raw: string): ParsedUscc {
  const value = normalizeUscc(raw);
  if (value.length !== 18) return { ok: false, value, reason: 'length' };
  for (const ch of value) {
    if (!USCC_ALPHABET.includes(ch)) return { ok: false, value, reason: 'charset' };
  }
  if (usccCheckChar(value.slice(0, 17)) !== value.charAt(17)) return { ok: false, value, reason: 'check' };
  return {
    ok: true,
    value,
    departmentCode: value.charAt(0),
    categoryCode: value.charAt(1),
    divisionCode: value.slice(2, 8),
    organisationCode: value.slice(8, 17),
  };
}

export function isValidUscc(raw: string): boolean {
  return parseUscc(raw).ok;
}
