import { describe, expect, it } from 'vitest';
import { DisjointSets } from '../../model/disjointSets.ts';

describe('disjoint sets', () => {
  it('groups what is linked through others, each set named by its smallest member whatever the order of the links', () => {
    const links: [string, string][] = [
      ['P-d', 'P-c'],
      ['P-c', 'P-a'],
      ['P-x', 'P-y'],
    ];
    for (const order of [links, [...links].reverse()]) {
      const sets = new DisjointSets<string>();
      sets.add('P-alone');
      for (const [a, b] of order) sets.union(a, b);
      expect(Object.fromEntries(sets.groups())).toEqual({
        'P-alone': 'P-alone',
        'P-a': 'P-a',
        'P-c': 'P-a',
        'P-d': 'P-a',
        'P-x': 'P-x',
        'P-y': 'P-x',
      });
    }
  });

  it('says whether a union joined two sets, so a spanning tree keeps only the links that do', () => {
    const sets = new DisjointSets<number>();
    expect([sets.union(0, 1), sets.union(1, 2), sets.union(2, 0), sets.union(3, 3)]).toEqual([true, true, false, false]);
    expect([0, 1, 2, 3].map((i) => sets.find(i))).toEqual([0, 0, 0, 3]);
  });
});
