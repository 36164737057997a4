import { expect, it } from 'vitest';
import type { Envelope } from '../../../analyses/envelope.ts';
import type { PersonT } from '../../../generator/truth.ts';
import { run, type Province } from './province.ts';

/**
 * flagged-controllers on the generated province: every planted controller (majority chains,
 * nominee control, legal representation) is reported with exactly the flagged firms planted behind
 * them; no decoy — two strangers of one name, a masked same-name representative, a chain broken at
 * exactly 50% — is reported, and no decoy's firm is counted for anyone.
 */
export default function flaggedControllers(province: Province) {
  let env: Envelope | undefined;
  const screen = async () => (env ??= await run(province, 'flagged-controllers'));
  const keyOf = async (p: PersonT): Promise<string | null> => {
    const { records } = await province.graph.driver.executeQuery('MATCH (p:Person {idNumber: $id}) RETURN p.key AS key', { id: p.idNumber });
    return (records[0]?.get('key') as string | undefined) ?? null;
  };

  it('reports every planted controller with exactly the flagged firms planted behind them', async () => {
    const { findings } = await screen();
    const planted = province.truth.planted.flaggedControllers;
    expect(planted.length).toBeGreaterThan(0);
    for (const c of planted) {
      const key = await keyOf(c);
      expect(key, `${c.name} (${c.via}) is one person in the graph`).not.toBeNull();
      const found = findings.filter((f) => f.subject.key === key || (f.facts.sameRecords as string[]).some((r) => r.endsWith(` ${key}`)));
      expect(found, `${c.name} (${c.via})`).toHaveLength(1);
      expect(new Set(found[0]!.facts.firmKeys as string[]), `${c.name} (${c.via})`).toEqual(new Set(c.flaggedFirms));
    }
  });

  it('reports no decoy, and counts no decoy’s firm for anyone', async () => {
    const { findings } = await screen();
    const decoys = province.truth.decoys.flaggedControllers;
    expect(decoys.length).toBeGreaterThan(0);
    const counted = new Set(findings.flatMap((f) => f.facts.firmKeys as string[]));
    for (const d of decoys) {
      for (const firm of d.flaggedFirms) expect(counted.has(firm), `${d.name}: ${d.why}`).toBe(false);
      const key = d.idShown.includes('*') ? null : await keyOf(d);
      if (key) expect(findings.some((f) => f.subject.key === key), `${d.name}: ${d.why}`).toBe(false);
    }
  });
}
