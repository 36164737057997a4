/**
 * Following GB/T 2260 code history: a retired code points at the code(s) that took
 * over its territory, which may themselves have been retired since. Pure over the
 * data it is given so the build script and the runtime resolver share one rule.
 */

/** name, year retired (or changed), successor codes at retirement. */
export type RetiredEntry = readonly [name: string, retiredYear: number, successors: readonly string[]];

export interface DivisionTables {
  /** 'PP' → name */
  provinces: Readonly<Record<string, string>>;
  /** 'PPCC' → name */
  cities: Readonly<Record<string, string>>;
  /** 'PPCCDD' → name (county level) */
  districts: Readonly<Record<string, string>>;
  /** 6-digit retired code → entry; only codes absent from the current tables */
  retired: Readonly<Record<string, RetiredEntry>>;
}

/** Whether a 6-digit code names a division in the current tables. */
export function isCurrentCode(t: DivisionTables, code: string): boolean {
  if (code.endsWith('0000')) return code.slice(0, 2) in t.provinces;
  if (code.endsWith('00')) return code.slice(0, 4) in t.cities;
  return code in t.districts;
}

/**
 * The current codes a code leads to through the history, in first-seen order.
 * Empty when the chain ends without a current code (e.g. a prefecture abolished
 * without a single successor). Cycles in the data are cut, not followed.
 */
export function followHistory(t: DivisionTables, code: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const walk = (c: string): void => {
    if (seen.has(c)) return;
    seen.add(c);
    if (isCurrentCode(t, c)) {
      if (!out.includes(c)) out.push(c);
      return;
    }
    const entry = t.retired[c];
    if (!entry) return;
    for (const next of entry[2]) walk(next);
  };
  walk(code);
  return out;
}
