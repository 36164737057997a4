import { expect, it } from 'vitest';
import { normalizeName } from '../../../model/names.ts';
import type { Province } from './province.ts';

/**
 * One person per firm (truth.samePersons): a holder the shareholder file names without a number,
 * whom the same firm's registration or officers name again with one, is one Person in that firm
 * after import — the one with the full ID number when the files show it — not two.
 */
export default function samePersons(province: Province): void {
  it('makes one person of a name given alone and again with a number in the same firm', async () => {
    const { firms, count } = province.truth.samePersons;
    expect(count).toBeGreaterThan(20);
    const { records } = await province.graph.driver.executeQuery(
      `UNWIND $pairs AS pair
       MATCH (p:Person)--(c:Company {key: pair.firm}) WHERE p.normalizedName = pair.name
       WITH pair, collect(DISTINCT p) AS people
       RETURN pair.firm AS firm, pair.name AS name, size(people) AS persons, [p IN people | p.idNumber] AS ids`,
      { pairs: firms.map((p) => ({ firm: p.firm, name: normalizeName(p.name) })) },
      { routing: 'READ' },
    );
    const found = new Map(records.map((r) => [`${r.get('firm')} ${r.get('name')}`, { persons: Number(r.get('persons')), ids: r.get('ids') as (string | null)[] }]));
    const wrong = firms.flatMap((p) => {
      const f = found.get(`${p.firm} ${normalizeName(p.name)}`);
      const full = p.idShown === p.idNumber;
      const ok = f?.persons === 1 && (!full || f.ids[0] === p.idNumber);
      return ok ? [] : [`${p.firmName} ${p.name} (${full ? 'full' : 'masked'} number in ${p.withNumberIn.join(', ')}): ${f?.persons ?? 0} persons`];
    });
    expect(wrong).toEqual([]);
  });
}
