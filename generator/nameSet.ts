/**
 * A set of names held as two 32-bit hashes per name in typed arrays: 8 bytes a name, so a
 * million firms' names fit in a few tens of megabytes. A false "already used" (both hashes
 * colliding) only costs the generator another draw.
 */
export class NameSet {
  private readonly a: Uint32Array;
  private readonly b: Uint32Array;
  private readonly mask: number;
  size = 0;

  constructor(expected: number) {
    let capacity = 1024;
    while (capacity < expected * 2.5) capacity *= 2;
    this.a = new Uint32Array(capacity);
    this.b = new Uint32Array(capacity);
    this.mask = capacity - 1;
  }

  private static hashes(text: string): [number, number] {
    let h1 = 0x811c9dc5;
    let h2 = 0x9747b28c;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 13;
    }
    // Zero marks an empty slot.
    return [(h1 >>> 0) || 1, h2 >>> 0];
  }

  has(text: string): boolean {
    const [h1, h2] = NameSet.hashes(text);
    for (let at = h1 & this.mask; this.a[at] !== 0; at = (at + 1) & this.mask) {
      if (this.a[at] === h1 && this.b[at] === h2) return true;
    }
    return false;
  }

  add(text: string): void {
    const [h1, h2] = NameSet.hashes(text);
    let at = h1 & this.mask;
    while (this.a[at] !== 0) {
      if (this.a[at] === h1 && this.b[at] === h2) return;
      at = (at + 1) & this.mask;
    }
    if (this.size + 1 > this.a.length * 0.8) throw new Error('generator: name set is full');
    this.a[at] = h1;
    this.b[at] = h2;
    this.size++;
  }
}
