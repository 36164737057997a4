import { describe, expect, it } from 'vitest';
import {
  adjustHoldings,
  adjustmentFor,
  ownershipFrom,
  ownershipInto,
  stronglyConnected,
  topChains,
  type Holding,
  type SolveOptions,
} from '../../analyses/integratedOwnership.ts';

/**
 * The solver on its own, against closed forms and against an independent dense solver: every
 * random structure's integrated ownership must equal D·(I − A)⁻¹ computed by plain Gaussian
 * elimination over the whole matrix, self-holdings included as the diagonal of A.
 */

/** Deterministic pseudo-random numbers (mulberry32), so a failing graph can be rebuilt from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface RandomStructure {
  firms: string[];
  persons: string[];
  holdings: Holding[];
}

/**
 * Firms held by persons and by each other, with cycles (any firm may hold any other, itself
 * included), each firm's holdings summing to at most 100% — to exactly 100% when `full`.
 */
function randomStructure(seed: number, full = false): RandomStructure {
  const rnd = random(seed);
  const nFirms = 2 + Math.floor(rnd() * 14);
  const nPersons = 1 + Math.floor(rnd() * 5);
  const firms = Array.from({ length: nFirms }, (_, i) => `F${i}`);
  const persons = Array.from({ length: nPersons }, (_, i) => `P${i}`);
  const holdings: Holding[] = [];
  for (const firm of firms) {
    const holders = new Set<string>();
    const count = 1 + Math.floor(rnd() * 5);
    for (let i = 0; i < count; i++) {
      const r = rnd();
      holders.add(r < 0.45 ? persons[Math.floor(rnd() * nPersons)]! : r < 0.55 ? firm : firms[Math.floor(rnd() * nFirms)]!);
    }
    // A person holder in every column keeps the structure open (someone outside every cycle).
    if (full) holders.add(persons[Math.floor(rnd() * nPersons)]!);
    // A firm's own shares stay below half: a firm wholly held by itself has no owners to find.
    const weights = [...holders].map((h) => (h === firm ? 0.5 : 1) * (0.05 + rnd()));
    const sum = weights.reduce((a, b) => a + b, 0);
    const total = full ? 1 : 0.3 + rnd() * 0.7;
    [...holders].forEach((holder, i) => holdings.push({ holder, firm, ratio: (weights[i]! / sum) * total }));
  }
  return { firms, persons, holdings };
}

/** Solves M·X = B for X by Gaussian elimination with partial pivoting (dense, no structure used). */
function denseSolve(m: number[][], b: number[][]): number[][] {
  const n = m.length;
  const a = m.map((row, i) => [...row, ...b[i]!]);
  const width = a[0]!.length;
  for (let col = 0; col < n; col++) {
    let p = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[p]![col]!)) p = r;
    [a[col], a[p]] = [a[p]!, a[col]!];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = a[r]![col]! / a[col]![col]!;
      for (let c = col; c < width; c++) a[r]![c]! -= f * a[col]![c]!;
    }
  }
  return a.map((row, i) => row.slice(n).map((v) => v / a[i]![i]!));
}

/** E = D·(I − A)⁻¹, with A the firm-to-firm ratios (self-holdings on the diagonal) and D the persons'. */
function denseOwnership(s: RandomStructure): Map<string, Map<string, number>> {
  const fi = new Map(s.firms.map((f, i) => [f, i]));
  const n = s.firms.length;
  const iMinusA = s.firms.map((_, i) => s.firms.map((__, j) => (i === j ? 1 : 0)));
  const d = s.persons.map(() => new Array<number>(n).fill(0));
  for (const h of s.holdings) {
    const c = fi.get(h.firm)!;
    const k = fi.get(h.holder);
    if (k !== undefined) iMinusA[k]![c]! -= h.ratio;
    else d[s.persons.indexOf(h.holder)]![c]! += h.ratio;
  }
  // E(I − A) = D  ⇔  (I − A)ᵀ Eᵀ = Dᵀ
  const transposed = iMinusA[0]!.map((_, j) => iMinusA.map((row) => row[j]!));
  const dT = s.firms.map((_, c) => s.persons.map((__, p) => d[p]![c]!));
  const eT = denseSolve(transposed, dT);
  return new Map(s.persons.map((p, pi) => [p, new Map(s.firms.map((f, c) => [f, eT[c]![pi]!]))]));
}

function compareWithDense(seed: number, options?: SolveOptions): number {
  const s = randomStructure(seed);
  const dense = denseOwnership(s);
  const { edges } = adjustHoldings(s.holdings);
  let worst = 0;
  for (const firm of s.firms) {
    const into = ownershipInto(firm, edges, options);
    expect(into.closedCycles).toEqual([]);
    for (const p of s.persons) worst = Math.max(worst, Math.abs((into.values.get(p) ?? 0) - dense.get(p)!.get(firm)!));
  }
  for (const p of s.persons) {
    const from = ownershipFrom(p, edges, options);
    for (const firm of s.firms) worst = Math.max(worst, Math.abs((from.values.get(firm) ?? 0) - dense.get(p)!.get(firm)!));
  }
  return worst;
}

describe('integrated ownership against an independent dense solver', () => {
  it('equals D·(I − A)⁻¹ within 1e-9 on 1,000 random structures with cycles and self-holdings, looking up and looking down', () => {
    let cyclic = 0;
    for (let seed = 1; seed <= 1000; seed++) {
      const worst = compareWithDense(seed);
      expect(worst, `seed ${seed}`).toBeLessThan(1e-9);
      const s = randomStructure(seed);
      const firms = new Set(s.firms);
      const next = (n: string) => s.holdings.filter((h) => h.holder === n && firms.has(h.holder) && h.holder !== h.firm).map((h) => h.firm);
      if (stronglyConnected(s.firms, next).some((c) => c.length > 1)) cyclic++;
    }
    // The generator must actually produce cross-holding cycles for the comparison to mean much.
    expect(cyclic).toBeGreaterThan(500);
  });

  it('the iterative (Gauss–Seidel) path agrees with the dense solver within 1e-9 as well', () => {
    for (let seed = 1001; seed <= 1300; seed++) expect(compareWithDense(seed, { denseLimit: 0 }), `seed ${seed}`).toBeLessThan(1e-9);
  });

  it('when every firm is wholly held, the persons’ integrated ownership of each firm sums to exactly 100% (nothing counted twice, nothing lost in a cycle)', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const s = randomStructure(seed, true);
      const { edges } = adjustHoldings(s.holdings);
      for (const firm of s.firms) {
        const into = ownershipInto(firm, edges);
        const total = s.persons.reduce((sum, p) => sum + (into.values.get(p) ?? 0), 0);
        expect(total, `seed ${seed} firm ${firm}`).toBeCloseTo(1, 9);
      }
    }
  });
});

describe('integrated ownership on known structures', () => {
  const cycle: Holding[] = [
    { holder: 'P', firm: 'A', ratio: 0.7 },
    { holder: 'C', firm: 'A', ratio: 0.3 },
    { holder: 'A', firm: 'B', ratio: 0.6 },
    { holder: 'Q', firm: 'B', ratio: 0.4 },
    { holder: 'B', firm: 'C', ratio: 0.5 },
    { holder: 'R', firm: 'C', ratio: 0.5 },
  ];

  it('a cycle A 60%→B, B 50%→C, C 30%→A multiplies every holding into A by 1 / (1 − 0.6·0.5·0.3)', () => {
    const { edges } = adjustHoldings(cycle);
    const into = ownershipInto('A', edges);
    expect(into.values.get('P')).toBeCloseTo(0.7 / 0.91, 15);
    expect(into.values.get('Q')).toBeCloseTo((0.4 * 0.5 * 0.3) / 0.91, 15);
    expect(into.values.get('R')).toBeCloseTo((0.5 * 0.3) / 0.91, 15);
    expect([...into.cyclic].sort()).toEqual(['A', 'B', 'C']);
    const from = ownershipFrom('P', edges);
    expect(from.values.get('B')).toBeCloseTo((0.7 * 0.6) / 0.91, 15);
  });

  it('without a cycle the result is the sum of the chain products', () => {
    const { edges } = adjustHoldings([
      { holder: 'P', firm: 'D', ratio: 0.1 },
      { holder: 'P', firm: 'K1', ratio: 0.5 },
      { holder: 'P', firm: 'K2', ratio: 0.4 },
      { holder: 'K1', firm: 'D', ratio: 0.2 },
      { holder: 'K2', firm: 'D', ratio: 0.3 },
    ]);
    expect(ownershipInto('D', edges).values.get('P')).toBeCloseTo(0.1 + 0.5 * 0.2 + 0.4 * 0.3, 15);
  });

  it('a firm’s own shares leave the denominator, which is the same as summing the walks round the self-loop', () => {
    expect(adjustmentFor({ selfRatio: 0.2, othersSum: 0.8 })).toMatchObject({ factor: 1.25, reason: 'own-shares' });
    const { edges } = adjustHoldings([
      { holder: 'S', firm: 'S', ratio: 0.2 },
      { holder: 'P', firm: 'S', ratio: 0.44 },
    ]);
    expect(edges).toEqual([{ holder: 'P', firm: 'S', weight: 0.44 * 1.25 }]);
    // 0.44 · (1 + 0.2 + 0.2² + …) = 0.44 / 0.8
    expect(ownershipInto('S', edges).values.get('P')).toBeCloseTo(0.55, 15);
  });

  it('holdings summing to more than 100% are scaled to 100%, so a cycle cannot grow without bound', () => {
    expect(adjustmentFor({ selfRatio: 0, othersSum: 1.25 })).toMatchObject({ factor: 0.8, reason: 'over-100' });
    const { edges } = adjustHoldings([
      { holder: 'A', firm: 'B', ratio: 0.9 },
      { holder: 'B', firm: 'A', ratio: 0.9 },
      { holder: 'P', firm: 'A', ratio: 0.35 },
      { holder: 'Q', firm: 'B', ratio: 0.35 },
    ]);
    const into = ownershipInto('A', edges);
    expect((into.values.get('P') ?? 0) + (into.values.get('Q') ?? 0)).toBeCloseTo(1, 12);
  });

  it('a cycle nobody outside holds (A 100%→B, B 100%→A) is reported as closed, and its members keep only what they hold outside it', () => {
    const { edges } = adjustHoldings([
      { holder: 'A', firm: 'B', ratio: 1 },
      { holder: 'B', firm: 'A', ratio: 1 },
      { holder: 'A', firm: 'F', ratio: 0.5 },
      { holder: 'P', firm: 'F', ratio: 0.5 },
    ]);
    for (const options of [{}, { denseLimit: 0, maxIterations: 1000 }]) {
      const into = ownershipInto('F', edges, options);
      expect(into.closedCycles).toEqual([['A', 'B']]);
      expect(into.values.get('A')).toBe(0.5);
      expect(into.values.get('B')).toBe(0);
      expect(into.values.get('P')).toBe(0.5);
    }
  });

  it('a Gauss–Seidel solve stopped by its iteration cap says it did not converge (the analyses report convergence)', () => {
    const { edges } = adjustHoldings([
      { holder: 'A', firm: 'B', ratio: 0.9 },
      { holder: 'B', firm: 'A', ratio: 0.9 },
      { holder: 'P', firm: 'A', ratio: 0.1 },
      { holder: 'Q', firm: 'B', ratio: 0.1 },
    ]);
    expect(ownershipInto('A', edges, { denseLimit: 0, maxIterations: 2 }).converged).toBe(false);
    expect(ownershipInto('A', edges, { denseLimit: 0 }).converged).toBe(true);
  });

  it('a deep chain of 20,000 holdings is solved without recursion', () => {
    const n = 20_000;
    const { edges } = adjustHoldings(Array.from({ length: n }, (_, i) => ({ holder: `F${i + 1}`, firm: `F${i}`, ratio: 1 })));
    expect(ownershipInto('F0', edges).values.get(`F${n}`)).toBe(1);
  });
});

describe('chains as evidence', () => {
  type E = string;
  const graph: Record<string, { to: string; weight: number | null; edge: E }[]> = {
    P: [
      { to: 'F', weight: 0.1, edge: 'P>F' },
      { to: 'K1', weight: 0.5, edge: 'P>K1' },
      { to: 'K2', weight: null, edge: 'P>K2' },
    ],
    K1: [
      { to: 'F', weight: 0.2, edge: 'K1>F' },
      { to: 'K2', weight: 0.5, edge: 'K1>K2' },
    ],
    K2: [
      { to: 'F', weight: 0.3, edge: 'K2>F' },
      { to: 'K1', weight: 0.5, edge: 'K2>K1' },
    ],
  };
  const next = (n: string) => graph[n] ?? [];

  it('lists every simple path once, largest (possible) product first and shorter first on ties, an unknown ratio giving an unknown product', () => {
    const { chains, complete } = topChains('P', 'F', next);
    expect(complete).toBe(true);
    expect(chains.map((c) => [c.edges.join(' '), c.product === null ? null : +c.product.toFixed(12)])).toEqual([
      ['P>K2 K2>F', null],
      ['P>F', 0.1],
      ['P>K1 K1>F', 0.1],
      // An unknown ratio counts as 100% for the order, so this chain may be as large as 10%.
      ['P>K2 K2>K1 K1>F', null],
      ['P>K1 K1>K2 K2>F', 0.075],
    ]);
  });

  it('keeps the largest chains when there are more than asked for, and says the list is incomplete', () => {
    const { chains, complete } = topChains('P', 'F', next, { maxChains: 2 });
    expect(chains).toHaveLength(2);
    expect(complete).toBe(false);
  });
});
