/**
 * Disjoint sets (union–find): which things are linked, directly or through others — relatives by
 * family ties, persons by confirmed "same person" links, firms by the bridges of a network.
 *
 * A set is named by its smallest member, so the name does not depend on the order the links came in
 * and stays the same between runs on the same data.
 */
export class DisjointSets<K extends string | number> {
  readonly #parent = new Map<K, K>();

  /** Adds a member as a set of its own (nothing when it is already there). */
  add(k: K): void {
    if (!this.#parent.has(k)) this.#parent.set(k, k);
  }

  /** The name of the member's set; a member not seen yet is added alone. */
  find(k: K): K {
    this.add(k);
    let root = k;
    while (this.#parent.get(root) !== root) root = this.#parent.get(root)!;
    // Path compression: the next look-up of any member on the way is one step.
    for (let n = k; n !== root; ) {
      const next = this.#parent.get(n)!;
      this.#parent.set(n, root);
      n = next;
    }
    return root;
  }

  /** Joins the sets of a and b; true when they were apart. */
  union(a: K, b: K): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return false;
    if (ra < rb) this.#parent.set(rb, ra);
    else this.#parent.set(ra, rb);
    return true;
  }

  /** Every member with the name of its set. */
  groups(): Map<K, K> {
    const group = new Map<K, K>();
    for (const k of this.#parent.keys()) group.set(k, this.find(k));
    return group;
  }
}
