import { expect, it } from 'vitest';
import type { Envelope } from '../../../analyses/envelope.ts';
import { run, type Province } from './province.ts';

/**
 * self-financing on the generated province: the planted lending platform whose controller (70% and
 * legal representative) also controls two of its five disclosed borrowers (80% holder; legal
 * representative) is reported with exactly those two; the decoy, whose borrowers are strangers, is not.
 */
export default function selfFinancing(province: Province): void {
  let env: Envelope | undefined;
  const screen = async () => (env ??= await run(province, 'self-financing'));

  it('reports every planted platform with exactly its controllers’ borrowers', async () => {
    const { findings } = await screen();
    const planted = province.truth.planted.selfFinancing;
    expect(planted.length).toBeGreaterThan(0);
    for (const p of planted) {
      const found = findings.filter((f) => f.subject.key === p.platform);
      expect(found, p.platformName).toHaveLength(1);
      expect(new Set(found[0]!.facts.selfBorrowerKeys as string[]), p.platformName).toEqual(new Set(p.selfBorrowers));
      expect(found[0]!.facts.controllers, p.platformName).toEqual(p.controllers.map((c) => c.name));
      expect(found[0]!.facts.borrowers, p.platformName).toBe(p.borrowers.length);
    }
  });

  it('does not report a platform whose borrowers are all strangers', async () => {
    const { findings } = await screen();
    const decoys = province.truth.decoys.selfFinancing;
    expect(decoys.length).toBeGreaterThan(0);
    for (const d of decoys) expect(findings.filter((f) => f.subject.key === d.platform), d.platformName).toEqual([]);
    expect(findings).toHaveLength(province.truth.planted.selfFinancing.length);
  });
}
