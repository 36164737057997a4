import { normalizeName } from '../model/names.ts';

/**
 * How close two firm names are, for matching a list's names that are not written exactly as
 * registered: the Dice coefficient of the character bigrams of their cores — the names in
 * normalised form (model/names.ts) without the organisational form (有限公司, 股份有限公司 …),
 * which every firm shares and which would make any two names look alike.
 *
 *   dice(A, B) = 2·|A ∩ B| / (|A| + |B|)   over the multisets of bigrams
 *
 * 1 means the same core ('南京鑫融财富管理有限公司' and '南京鑫融财富管理有限责任公司'); one character
 * changed in an 8-character core leaves 5 of 7 bigrams, 0.71; a different city with the same
 * trade name and industry as much. Bigrams because Chinese names are read in two-character words
 * and because the full-text index that proposes the candidates holds the same bigrams.
 */

const ORGANISATIONAL_FORM = /(股份有限公司|有限责任公司|有限公司|股份公司|集团公司|合伙企业(\(有限合伙\)|\(普通合伙\))?|\(有限合伙\)|\(普通合伙\)|公司)$/;

/** The normalised name without its organisational form. */
export function nameCore(name: string): string {
  const n = normalizeName(name);
  const core = n.replace(ORGANISATIONAL_FORM, '');
  return core.length > 0 ? core : n;
}

function bigrams(text: string): Map<string, number> {
  const chars = [...text];
  const grams = new Map<string, number>();
  // A one-character core is its own single gram, so it can still equal another.
  const pieces = chars.length < 2 ? chars : chars.slice(0, -1).map((c, i) => c + chars[i + 1]);
  for (const g of pieces) grams.set(g, (grams.get(g) ?? 0) + 1);
  return grams;
}

/** The Dice coefficient of the two names' core bigrams, 0 to 1. */
export function nameSimilarity(a: string, b: string): number {
  const x = bigrams(nameCore(a));
  const y = bigrams(nameCore(b));
  let common = 0;
  let total = 0;
  for (const [g, n] of x) {
    common += Math.min(n, y.get(g) ?? 0);
    total += n;
  }
  for (const n of y.values()) total += n;
  return total === 0 ? 0 : (2 * common) / total;
}
