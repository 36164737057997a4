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
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let root = k;
    while (parent.get(root) !== root) root = parent.get(root)!;
    for (let n = k; n !== root; ) {
      const next = parent.get(n)!;
      parent.set(n, root);
      n = next;
    }
    return root;
  };
  const add = (k: string) => {
    if (!parent.has(k)) parent.set(k, k);
  };
  for (const k of keys) add(k);
  for (const l of links) {
    if (l.status !== 'confirmed') continue;
    add(l.from.key);
    add(l.to.key);
    const a = find(l.from.key);
    const b = find(l.to.key);
    if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
  }
  const group = new Map<string, string>();
  for (const k of parent.keys()) group.set(k, find(k));
  return group;
}
