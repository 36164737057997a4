import { describe, expect, it } from 'vitest';
import { generateTemp, hashDir } from './support.ts';

/** The same seed writes the same bytes (every file, the XLSX and truth.json included); another seed does not. */

describe('generator determinism', () => {
  it('writes the same bytes twice from one seed, and other bytes from another', async () => {
    const a = await generateTemp({ firms: 2000, seed: 11 });
    const b = await generateTemp({ firms: 2000, seed: 11 });
    const c = await generateTemp({ firms: 2000, seed: 12 });
    try {
      const ha = hashDir(a.dir);
      expect(Object.keys(ha)).toEqual([
        'approvals.xlsx', 'boFilings.csv', 'branches.csv', 'changes.csv', 'lists.csv', 'members.csv', 'officers.csv', 'registrations.csv', 'relations.csv', 'shareholders-snapshot.csv', 'shareholders.csv', 'truth.json',
      ]);
      expect(hashDir(b.dir)).toEqual(ha);
      const hc = hashDir(c.dir);
      for (const file of Object.keys(ha)) expect(hc[file], file).not.toBe(ha[file]);
    } finally {
      for (const x of [a, b, c]) x.cleanup();
    }
  });
});
