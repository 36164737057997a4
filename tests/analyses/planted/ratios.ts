import { expect, it } from 'vitest';
import type { HolderT } from '../../../generator/truth.ts';
import { holdingsOf, rejectLines, type Province } from './province.ts';

/**
 * Ratios as real shareholder exports write them (truth.ratios): in a column of `35%` and `35`, a
 * bare `0.4` beside `60%` reads as 40% because only that makes the firm's holdings sum to 100%,
 * and each such row is reported (RATIO_AMBIGUOUS); holdings given only by subscribed amounts get
 * the amount over the registered capital (RATIO_DERIVED). No firm of the province sums to more
 * than 100% (HOLDINGS_OVER_100), since every firm the generator writes sums to exactly 100%.
 */
export default function ratios(province: Province): void {
  const ratioOf = async (firm: string, holder: HolderT): Promise<number[]> => (await holdingsOf(province, firm, holder)).map((h) => h.ratio);
  const located = (code: string) =>
    rejectLines(province.imports.province)
      .filter((l) => l.code === code)
      .map((l) => `${l.file}:${l.row}`)
      .sort();

  it('reads a bare fraction among percents as the firm’s sum says, and reports each such row', async () => {
    const { ambiguous } = province.truth.ratios;
    expect(ambiguous.length).toBeGreaterThan(5);
    for (const a of ambiguous) {
      expect(await ratioOf(a.firm, a.holder), `${a.firmName} ${a.holder.name}: ${a.value} is ${a.ratio * 100}%, not ${a.otherReading * 100}%`).toEqual([expect.closeTo(a.ratio, 9)]);
    }
    expect(located('RATIO_AMBIGUOUS')).toEqual(ambiguous.map((a) => `${a.file}:${a.row}`).sort());
    expect(province.imports.province.inferredByCode.RATIO_AMBIGUOUS).toBe(ambiguous.length);
  });

  it('derives the ratio of a holding given only by its subscribed amount, and reports each such row', async () => {
    const { derived } = province.truth.ratios;
    expect(derived.length).toBeGreaterThan(5);
    for (const d of derived) {
      expect(await ratioOf(d.firm, d.holder), `${d.firmName} ${d.holder.name}: ${d.subscribed} of ${d.capitalWan}万`).toEqual([expect.closeTo(d.ratio, 9)]);
    }
    expect(located('RATIO_DERIVED')).toEqual(derived.map((d) => `${d.file}:${d.row}`).sort());
  });

  it('finds no firm whose holdings sum to more than 100%', () => {
    for (const summary of [province.imports.province, province.imports.snapshot]) {
      expect(rejectLines(summary).filter((l) => l.code === 'HOLDINGS_OVER_100').map((l) => `${l.file}:${l.row} ${l.detail}`)).toEqual([]);
    }
  });
}
