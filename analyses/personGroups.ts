import { DisjointSets } from '../model/disjointSets.ts';
import type { GraphNode } from './ownershipGraph.ts';

/**
 * One person behind several records: persons linked by confirmed "same person" links
 * (POSSIBLY_SAME_AS {status: 'confirmed'}, decided by a human) form one group; links still
 * proposed group nobody — they are hints to show, never figures to count. Persons are never
 * grouped on their name.
 */

export interface SameAsLink {
  from: GraphNode;
  to: GraphNode;
  status: 'confirmed' | 'proposed';
  reasons: string[] | null;
  decidedBy: string | null;
  decidedOn: string | null;
}

/** Each person's group, named by the smallest key in it (stable between runs); ungrouped persons are their own group. */
export function confirmedGroups(keys: Iterable<string>, links: SameAsLink[]): Map<string, string> {
  const sets = new DisjointSets<string>();
  for (const k of keys) sets.add(k);
  for (const l of links) if (l.status === 'confirmed') sets.union(l.from.key, l.to.key);
  return sets.groups();
}
