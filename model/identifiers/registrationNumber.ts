/**
 * Old 15-digit business registration number 注册号 (before the USCC, GB 12409).
 * Digits 1–6: division of the registering authority; digit 15: ISO 7064 MOD 11,10 check.
 */
import { compact } from '../text.ts';

export type ParsedRegistrationNumber =
  | {
      ok: true;
      value: string;
      divisionCode: string;
      /**
       * Whether digit 15 is the ISO 7064 MOD 11,10 check digit. Reported, not enforced:
       * numbers issued before the check digit was introduced are still real numbers.
       */
      checkValid: boolean;
    }
  | { ok: false; value: string; reason: 'length' | 'charset' };

/** ISO 7064 MOD 11,10 (hybrid system) check digit for a string of decimal digits. */
export function iso7064Mod11_10CheckDigit(digits: string): string | null {
  if (!/^\d+$/.test(digits)) return null;
  let product = 10;
  for (const ch of digits) {
    let sum = (product + Number(ch)) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  // The digit that brings the running sum to 1 (mod 10) in the final step.
  return String((11 - product) % 10);
}

export function parseRegistrationNumber(raw: string): ParsedRegistrationNumber {
  const value = compact(raw);
  if (value.length !== 15) return { ok: false, value, reason: 'length' };
  if (!/^\d{15}$/.test(value)) return { ok: false, value, reason: 'charset' };
  return {
    ok: true,
    value,
    divisionCode: value.slice(0, 6),
    checkValid: iso7064Mod11_10CheckDigit(value.slice(0, 14)) === value.charAt(14),
  };
}
