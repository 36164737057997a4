import { expect, it } from 'vitest';
import type { Envelope, Finding } from '../../../analyses/envelope.ts';
import { run, type Province } from './province.ts';

/**
 * out-of-province-venues on the generated province: every venue registered elsewhere with a
 * footprint here is reported with that footprint (members by type, the branch, the operating
 * address), and the local members of unapproved venues and of venues from the province that failed
 * the acceptance under their reasons; no decoy under the reason it was built to tempt.
 */
export default function outOfProvinceVenues(province: Province) {
  let env: Envelope | undefined;
  const screen = async () => (env ??= await run(province, 'out-of-province-venues'));
  const find = (findings: Finding[], venue: string, reason: string) => findings.filter((f) => f.subject.key === venue && f.facts.reason === reason);

  it('reports every venue registered elsewhere that operates here, with its local members, branch and operating address', async () => {
    const { findings } = await screen();
    const planted = province.truth.planted.outOfProvinceVenues;
    expect(planted.length).toBeGreaterThan(0);
    for (const v of planted) {
      const found = find(findings, v.venueUscc, 'registered-elsewhere');
      expect(found, v.name).toHaveLength(1);
      const local = new Set(found[0]!.facts.localKeys as string[]);
      for (const e of v.localEntities.filter((x) => x.role !== 'operating-address')) expect(local.has(e.uscc), `${v.name}: ${e.name} (${e.role})`).toBe(true);
      if (v.localEntities.some((x) => x.role === 'operating-address')) expect(found[0]!.facts.operatingHere, v.name).toBe(true);
    }
  });

  it('reports the local members of venues without approval and of venues whose province failed the acceptance', async () => {
    const { findings } = await screen();
    const cases = [
      ['unapproved', province.truth.planted.unapprovedVenueMembers],
      ['acceptance-failed', province.truth.planted.failedAcceptanceVenueMembers],
    ] as const;
    for (const [reason, planted] of cases) {
      expect(planted.length, reason).toBeGreaterThan(0);
      for (const v of planted) {
        const found = find(findings, v.venueUscc, reason);
        expect(found, `${v.name} ${reason}`).toHaveLength(1);
        const local = new Set(found[0]!.facts.localKeys as string[]);
        for (const m of v.members) expect(local.has(m.uscc), `${v.name} ${reason}: ${m.name}`).toBe(true);
      }
    }
  });

  it('reports no decoy under the reason it was built to tempt', async () => {
    const { findings } = await screen();
    const cases = [
      ['registered-elsewhere', province.truth.decoys.outOfProvinceVenues],
      ['unapproved', province.truth.decoys.unapprovedVenueMembers],
      ['acceptance-failed', province.truth.decoys.failedAcceptanceVenueMembers],
    ] as const;
    for (const [reason, decoys] of cases) {
      expect(decoys.length, reason).toBeGreaterThan(0);
      for (const d of decoys) expect(find(findings, d.venueUscc, reason), `${d.name} ${reason}: ${d.why}`).toEqual([]);
    }
  });
}
