import { describe, expect, it } from 'vitest';
import { queryNamesIn } from '../../../cypher/run.ts';
import { emulatedQueries, queryFingerprint } from '../../../importers/bulk/emulatedQueries.ts';

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
});
