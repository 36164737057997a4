import { describe, expect, it } from 'vitest';
import { queryNamesIn } from '../../../cypher/run.ts';
import { emulatedQueries, queryFingerprint } from '../../../importers/bulk/emulatedQueries.ts';
import { DateTimeValue, GraphStore } from '../../../importers/bulk/store.ts';

/**
 * The bulk load carries out cypher/import/*.cypher in memory. When one of those files changes, its
 * emulation in importers/bulk/emulatedQueries.ts must change with it (and its fingerprint there),
 * or a bulk-loaded graph would silently differ from an online-loaded one.
 */
describe('emulated import queries', () => {
  it('every record-kind write query has an emulation', () => {
    expect(queryNamesIn('import').filter((name) => !(name in emulatedQueries))).toEqual([]);
  });

  it.each(Object.entries(emulatedQueries))('%s is still the query its emulation was written against', (name, { fingerprint }) => {
    expect(queryFingerprint(name), `cypher/${name}.cypher changed: update its emulation and fingerprint in importers/bulk/emulatedQueries.ts`).toBe(fingerprint);
  });

  it('a holding row that gives a ratio replaces the markers of an ambiguous or derived reading; one without keeps them', () => {
    const store = new GraphStore();
    store.merge('Company', 'F');
    store.merge('Person', 'P');
    const write = (holding: Record<string, unknown>, prov: string) =>
      emulatedQueries['import/personHoldings']!.run(store, { rows: [{ firmKey: 'F', personKey: 'P', holding, prov }] }, new DateTimeValue('2024-01-01T00:00:00Z'));
    const props = () => [...store.relationships.values()][0]!.props;
    write({ ratio: 0.004, ratioText: '0.4', ratioAmbiguous: true, ratioByConvention: 0.004, ratioAlt: 0.4, ratioConvention: 'column', ratioBasis: 'column' }, 'r1/1:2');
    write({ subscribedAmountWan: 400, subscribedCurrency: 'CNY' }, 'r2/1:2');
    expect(props()).toMatchObject({ ratio: 0.004, ratioAmbiguous: true, ratioAlt: 0.4, subscribedAmountWan: 400 });
    write({ ratio: 0.4, ratioText: '40%' }, 'r3/1:2');
    expect(props()).toEqual({ ratio: 0.4, ratioText: '40%', subscribedAmountWan: 400, subscribedCurrency: 'CNY', provenance: ['r1/1:2', 'r2/1:2', 'r3/1:2'] });
  });
});
