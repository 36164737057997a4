import { expect, it } from 'vitest';
import type { Finding } from '../../../analyses/envelope.ts';
import type { PersonT } from '../../../generator/truth.ts';
import { run, type Province } from './province.ts';

/**
 * common-controllers on each planted case: the firms behind which the generator planted a
 * controller (a majority chain through holding companies, nominee control, legal representation)
 * name that person first — by name, and by the key of their full ID number when the files show it
 * — ahead of the holding companies between them and the firms. Decoys: two strangers of one name
 * are never merged into one candidate; a masked same-name representative's firm is not the
 * controller's; a chain broken at exactly 50% reaches its firms but controls none.
 */
export default function commonControllers(province: Province): void {
  const keyOf = async (p: PersonT): Promise<string | null> => {
    if (p.idShown.includes('*')) return null;
    const { records } = await province.graph.driver.executeQuery('MATCH (p:Person {idNumber: $id}) RETURN p.key AS key', { id: p.idNumber });
    return (records[0]?.get('key') as string | undefined) ?? null;
  };
  const candidates = (findings: Finding[]) => findings.filter((f) => f.facts.finding === 'candidate');

  it('names every planted controller as the top candidate of their flagged firms', async () => {
    const planted = province.truth.planted.flaggedControllers;
    expect(planted.length).toBeGreaterThan(0);
    for (const c of planted) {
      const env = await run(province, 'common-controllers', { firms: c.flaggedFirms });
      const [top] = candidates(env.findings);
      expect(top?.subject.name, `${c.name} (${c.via})`).toBe(c.name);
      expect(top!.facts.firmsReached, `${c.name} (${c.via})`).toBe(c.flaggedFirms.length);
      expect(top!.facts.controls, `${c.name} (${c.via}): control of every firm, or none for a legal representative`).toHaveLength(c.via === 'legal-rep' ? 0 : c.flaggedFirms.length);
      const key = await keyOf(c);
      if (key) expect(top!.subject.key, `${c.name} (${c.via})`).toBe(key);
    }
  });

  it('merges no strangers of one name, gives no controller a decoy’s firm, and finds no control in a broken chain', async () => {
    const { decoys, planted } = province.truth;
    const sameName = decoys.flaggedControllers.filter((d) => d.via === 'legal-rep' && d.flaggedFirms.length === 2);
    expect(sameName.length).toBeGreaterThanOrEqual(2);
    for (const d of sameName) {
      const twin = sameName.find((o) => o !== d && o.name === d.name)!;
      const env = await run(province, 'common-controllers', { firms: [...d.flaggedFirms, ...twin.flaggedFirms] });
      const named = candidates(env.findings).filter((f) => f.subject.name === d.name);
      expect(Math.max(0, ...named.map((f) => f.facts.firmsReached as number)), `${d.name}: ${d.why}`).toBeLessThanOrEqual(2);
      const key = await keyOf(d);
      if (key) expect(named.find((f) => f.subject.key === key)?.facts.firmsReached, `${d.name}: ${d.why}`).toBe(2);
    }
    for (const d of decoys.flaggedControllers.filter((x) => x.flaggedFirms.length === 1)) {
      const controller = planted.flaggedControllers.find((c) => c.name === d.name)!;
      const env = await run(province, 'common-controllers', { firms: [...controller.flaggedFirms, ...d.flaggedFirms] });
      const top = candidates(env.findings)[0]!;
      expect(top.subject.name).toBe(controller.name);
      expect(top.facts.firmsNotReached, `${d.name}: ${d.why}`).toEqual(d.flaggedFirmNames);
    }
    for (const d of decoys.flaggedControllers.filter((x) => x.via === 'chain')) {
      const env = await run(province, 'common-controllers', { firms: d.flaggedFirms });
      const person = candidates(env.findings).find((f) => f.subject.name === d.name)!;
      expect(person.facts.firmsReached, `${d.name}: ${d.why}`).toBe(d.flaggedFirms.length);
      expect(person.facts.controls, `${d.name}: ${d.why}`).toEqual([]);
    }
  });
}
