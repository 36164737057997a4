import { expect, it } from 'vitest';
import type { Province } from './province.ts';
import { run } from './province.ts';

/**
 * beneficial-owners on the firms the generator built to be checked by hand (truth.planted /
 * decoys.beneficialOwners): every planted owner is named under the planted rule with the planted
 * effective ratio, and no decoy (a chain product below 25%, exactly 25% under cn-2017, 24.99%) is.
 */
export default function beneficialOwners(province: Province): void {
  it('names every planted owner under its rule with the effective ratio the generator computed', async () => {
    const { planted } = province.truth;
    expect(planted.beneficialOwners.length).toBeGreaterThan(5);
    for (const expected of planted.beneficialOwners) {
      const env = await run(province, 'beneficial-owners', { firm: expected.firm, rules: expected.rule });
      expect(env.exhaustive, `${expected.name} ${expected.rule}`).toBe(true);
      const owners = env.findings.filter((f) => f.facts.beneficialOwner === true);
      for (const owner of expected.owners) {
        const found = owners.filter((f) => f.subject.name === owner.name);
        expect(found, `${expected.name} ${expected.rule}: ${owner.name} (${owner.computation})`).toHaveLength(1);
        expect(Math.abs((found[0]!.facts.effectiveRatio as number) - owner.effectiveRatio), `${owner.name} ${owner.computation}`).toBeLessThan(1e-9);
      }
    }
  });

  it('names no decoy owner under the rule it was planted to fail', async () => {
    const { decoys } = province.truth;
    expect(decoys.beneficialOwners.length).toBeGreaterThan(5);
    for (const decoy of decoys.beneficialOwners) {
      const env = await run(province, 'beneficial-owners', { firm: decoy.firm, rules: decoy.rule });
      const owners = new Set(env.findings.filter((f) => f.facts.beneficialOwner === true).map((f) => f.subject.name));
      for (const person of decoy.owners) expect(owners.has(person.name), `${decoy.name} ${decoy.rule}: ${person.name} (${person.why})`).toBe(false);
    }
  });
}
