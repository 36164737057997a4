import { TOLERANCE } from './rules.ts';

/**
 * A filed beneficial owner (受益所有人备案, or a BODS declaration) set beside what the holdings
 * compute: who is the same person, and whether the figures agree. Pure, no I/O;
 * docs/analyses/bo-mismatch.md gives the grounds.
 */

/** What tells two person nodes apart: the importers key a person by a full ID number or, lacking one, by name within one firm. */
export interface Identity {
  key: string;
  normalizedName: string | null;
  idMasked: string | null;
  /** 'id' (a full ID number) or 'scoped' (a name at one firm); null for firms. */
  keyBasis: string | null;
}

export type MatchBasis = 'key' | 'name-and-id' | 'name-only';

const visible = (s: string) => s.replace(/\s/g, '').toUpperCase();

/**
 * Whether two masked ID numbers could be one number: every position both show agrees. Sources
 * that print a different number of stars are compared on the characters both show at the start
 * and at the end.
 */
export function maskedIdsAgree(a: string, b: string): boolean {
  const x = visible(a);
  const y = visible(b);
  if (x.length === y.length) {
    for (let i = 0; i < x.length; i++) if (x[i] !== '*' && y[i] !== '*' && x[i] !== y[i]) return false;
    return true;
  }
  const head = (s: string) => (s.includes('*') ? s.slice(0, s.indexOf('*')) : s);
  const tail = (s: string) => (s.includes('*') ? s.slice(s.lastIndexOf('*') + 1) : s);
  const [h1, h2, t1, t2] = [head(x), head(y), tail(x), tail(y)];
  const n = Math.min(h1.length, h2.length);
  const m = Math.min(t1.length, t2.length);
  return h1.slice(0, n) === h2.slice(0, n) && t1.slice(t1.length - m) === t2.slice(t2.length - m);
}

/**
 * How a filed owner and a person of the computation are one: the same key; else the same
 * normalised name with masked ID numbers that agree; else the same name where one side shows no
 * ID number at all — a guess the finding must name. Two full ID numbers that differ are two
 * people whatever their names.
 */
export function matchBasis(owner: Identity, person: Identity): MatchBasis | null {
  if (owner.key === person.key) return 'key';
  if (!owner.normalizedName || owner.normalizedName !== person.normalizedName) return null;
  if (owner.keyBasis === 'id' && person.keyBasis === 'id') return null;
  if (owner.idMasked && person.idMasked) return maskedIdsAgree(owner.idMasked, person.idMasked) ? 'name-and-id' : null;
  return 'name-only';
}

/** The strongest basis among several matches. */
export function strongest(bases: MatchBasis[]): MatchBasis | null {
  for (const b of ['key', 'name-and-id', 'name-only'] as const) if (bases.includes(b)) return b;
  return null;
}

/** A filing's figure: an exact ratio, or a range (BODS), or none (a control or senior-manager filing). */
export interface FiledFigure {
  ratio: number | null;
  ratioMin: number | null;
  ratioMax: number | null;
}

/**
 * How far the computed ratio lies from the filed figure (0 when inside a filed range), or null
 * when the filing states no figure to compare.
 */
export function distance(filed: FiledFigure, computed: number): number | null {
  if (filed.ratio !== null) return Math.abs(filed.ratio - computed);
  if (filed.ratioMin === null && filed.ratioMax === null) return null;
  if (filed.ratioMin !== null && computed < filed.ratioMin) return filed.ratioMin - computed;
  if (filed.ratioMax !== null && computed > filed.ratioMax) return computed - filed.ratioMax;
  return 0;
}

/** Differences within the tolerance agree; the 1e-9 absorbs floating-point sums (rules.ts). */
export const differs = (d: number, tolerance: number) => d > tolerance + TOLERANCE;
