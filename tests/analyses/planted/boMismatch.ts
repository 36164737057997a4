import { expect, it } from 'vitest';
import type { Envelope } from '../../../analyses/envelope.ts';
import { run, type Province } from './province.ts';

/**
 * bo-mismatch on the generated province, whose firms file their beneficial owners honestly: every
 * person holding 25% or more directly, with the registered ratio, or the legal representative as
 * senior manager when nobody does. So no figure may differ, no holder at the threshold may be
 * unfiled, and a filed owner the computation cannot find must be one of the planted bad rows (an
 * ID number with a wrong check character keys a different person, as it must).
 */
export default function boMismatch(province: Province): void {
  let env: Envelope | undefined;
  const screen = async () => (env ??= await run(province, 'bo-mismatch'));

  it('finds no figure that differs, and every holder at the threshold filed', async () => {
    const { findings, exhaustive } = await screen();
    expect(exhaustive).toBe(true);
    expect(findings.filter((f) => f.facts.status === 'ratio-differs')).toEqual([]);
    for (const f of findings.filter((x) => x.facts.status === 'computed-not-filed')) {
      expect(f.facts.computedRules, `${f.facts.firmName} ${f.subject.name}`).toEqual(['senior-manager']);
    }
  });

  it('traces every filed owner with a ratio that the holdings do not show to an unreadable ID number among the planted bad rows', async () => {
    const { findings } = await screen();
    const missing = findings.filter((f) => f.facts.status === 'filed-not-computed' && f.facts.filedRatio !== null);
    const bad = province.truth.badRows.filter((b) => b.file === province.truth.files.boFilings && b.code === 'REFERENCED_ID_INVALID');
    expect(missing.length).toBeLessThanOrEqual(bad.length);
    for (const f of missing) {
      const { records } = await province.graph.driver.executeQuery('MATCH (p:Person {key: $key}) RETURN p.idInvalid AS invalid', { key: f.subject.key });
      expect(records[0]?.get('invalid'), `${f.facts.firmName} ${f.subject.name}`).toBe(true);
    }
  });
}
