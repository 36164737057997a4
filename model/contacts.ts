import { toHalfWidth } from './text.ts';

/**
 * Contact points shared by shell firms (DOMAIN.md §7) are nodes keyed by a normal form, so the
 * same phone written '025-8888 6666' and '02588886666' is one node.
 */

/** Splits a cell that lists several values ('025-88886666；13800000000'). */
export function splitList(raw: string): string[] {
  return toHalfWidth(raw)
    .split(/[;,、]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Digits only, without the +86 country code; null when fewer than 7 digits remain. */
export function normalizePhone(raw: string): string | null {
  let digits = toHalfWidth(raw).replace(/\D/g, '');
  if (digits.startsWith('0086')) digits = digits.slice(4);
  else if (digits.startsWith('86') && digits.length === 13) digits = digits.slice(2);
  return digits.length >= 7 ? digits : null;
}

export function normalizeEmail(raw: string): string | null {
  const email = toHalfWidth(raw).trim().toLowerCase();
  return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) ? email : null;
}

/** Host and path without scheme, 'www.' or a trailing slash. */
export function normalizeWebsite(raw: string): string | null {
  const site = toHalfWidth(raw)
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/+$/, '');
  return /^[a-z0-9.-]+\.[a-z]{2,}(\/\S*)?$/.test(site) ? site : null;
}
