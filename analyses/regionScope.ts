import { resolveDivision } from '../model/divisions.ts';

/**
 * A jurisdiction as the prefix a firm's registration division code (`Company.regionCode`, already
 * resolved to a current code by the importer) starts with, so that a whole-province screen filters
 * in the query by an index-free string test instead of resolving every firm in TypeScript.
 * Province 320000 → '32', city 320100 → '3201', district 320102 → '320102' — the same answers as
 * model/divisions.ts `isWithin` for current codes (a firm known only to city level is not inside
 * one of its districts). The national code 100000 gives '' (everything, including firms whose
 * registration place is unknown or abroad).
 */
export function regionPrefix(jurisdiction: string): string {
  const j = resolveDivision(jurisdiction);
  if (!j || j.via === 'national') return '';
  switch (j.level) {
    case 'province':
      return j.provinceCode.slice(0, 2);
    case 'city':
      return j.code.slice(0, 4);
    case 'district':
      return j.code;
  }
}
