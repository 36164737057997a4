/**
 * Randomness for the generator: every value is drawn from a small generator seeded by a hash of
 * (seed, tag, indices), so a firm or a person is a pure function of its index. That is what lets
 * the generator stream: a row that names another firm recomputes that firm instead of
 * remembering it. No Math.random, no clock.
 */

/** murmur3's finaliser over two words: cheap, well mixed, the same on every platform. */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A tag's number, so draws for different purposes never share a stream. */
export function tag(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export function hashOf(seed: number, tagNo: number, ...ids: number[]): number {
  let h = mix(seed >>> 0, tagNo);
  for (const id of ids) h = mix(h, id >>> 0);
  return h;
}

/** A uniform float in [0, 1) from a hash, for one-off decisions that need no stream. */
export const unit = (h: number): number => h / 4294967296;

/** mulberry32 with the helpers the generator uses. */
export class Rng {
  private a: number;
  constructor(seed: number) {
    this.a = seed >>> 0;
  }
  float(): number {
    this.a = (this.a + 0x6d2b79f5) >>> 0;
    let t = this.a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.float() < p;
  }
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.float() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1]![0];
  }
}

/** A weighted choice over a long list, by binary search over cumulative weights. */
export class WeightedTable<T> {
  private readonly items: T[];
  private readonly cumulative: Float64Array;
  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    this.items = entries.map(([item]) => item);
    this.cumulative = new Float64Array(entries.length);
    let total = 0;
    entries.forEach(([, w], k) => (this.cumulative[k] = total += w));
  }
  pick(rng: Rng): T {
    const r = rng.float() * this.cumulative[this.cumulative.length - 1]!;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}

export function rngFor(seed: number, tagNo: number, ...ids: number[]): Rng {
  return new Rng(hashOf(seed, tagNo, ...ids));
}

/**
 * A bijection of [0, m): x → (a·x + b) mod m with a coprime to m. Codes drawn through it are
 * distinct by construction (no set of used codes to keep) and still look scattered.
 */
export class Scramble {
  private readonly a: bigint;
  private readonly b: bigint;
  private readonly m: bigint;
  constructor(seed: number, tagNo: number, m: number) {
    this.m = BigInt(m);
    let a = BigInt(hashOf(seed, tagNo, 1)) * 65537n + BigInt(hashOf(seed, tagNo, 2));
    a = (a % (this.m - 2n)) + 2n;
    while (gcd(a, this.m) !== 1n) a = (a + 1n) % this.m || 2n;
    this.a = a;
    this.b = BigInt(hashOf(seed, tagNo, 3)) % this.m;
  }
  at(x: number): number {
    return Number((this.a * BigInt(x) + this.b) % this.m);
  }
}

function gcd(x: bigint, y: bigint): bigint {
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** Splits 100% into n integer percents (multiples of 5 where n allows), largest first. */
export function splitPercent(rng: Rng, n: number): number[] {
  if (n <= 1) return [100];
  if (n <= 8) {
    const cuts = new Set<number>();
    while (cuts.size < n - 1) cuts.add(rng.int(1, 19) * 5);
    return partsOf([...cuts], 100);
  }
  // Many holders (a joint-stock founder list): hundredths of a percent, summing to exactly 100.
  const cuts = new Set<number>();
  while (cuts.size < n - 1) cuts.add(rng.int(1, 9999));
  return partsOf([...cuts], 10000).map((p) => p / 100);
}

function partsOf(cuts: number[], total: number): number[] {
  const sorted = cuts.sort((a, b) => a - b);
  const parts = sorted.map((c, i) => c - (i === 0 ? 0 : sorted[i - 1]!));
  parts.push(total - sorted[sorted.length - 1]!);
  return parts.sort((a, b) => b - a);
}
