/**
 * Integrated ownership (DOMAIN.md §5.1), pure and without I/O: the sum over all holding walks,
 * i.e. the solution of e(p, c) = d(p, c) + Σₖ e(p, k) · a(k, c), which equals the sum of chain
 * products when there is no cycle. docs/analyses/beneficial-owners.md explains the choices.
 *
 * The system is solved one strongly connected component at a time, in dependency order: the
 * acyclic part of an ownership structure (nearly all of it) by substitution, which is exact; each
 * cycle of cross-holdings by Gaussian elimination with partial pivoting when small, else by
 * Gauss–Seidel iteration. Walks around a cycle are summed by the solve, never enumerated, so a
 * cycle neither loops nor is counted twice.
 *
 * A firm's holding of its own shares carries no rights: it is left out and the other holders'
 * ratios are divided by what remains (1 − s). That is exactly the walk sum with the self-loop
 * (1 + s + s² + … = 1/(1 − s)), so both readings of the literature give the same figures.
 */

export interface Holding {
  holder: string;
  firm: string;
  ratio: number;
}

/** All holdings of a firm, including those a capped search did not fetch (queries return these sums). */
export interface ColumnTotals {
  /** The firm's holding of its own shares (库存股 / 自持). */
  selfRatio: number;
  /** Sum of the other holders' ratios. */
  othersSum: number;
}

export type AdjustmentReason = 'own-shares' | 'over-100' | 'own-shares-100';

export interface Adjustment {
  /** What each other holder's ratio is multiplied by. */
  factor: number;
  reason: AdjustmentReason | null;
  totals: ColumnTotals;
}

/** A holding as the solver uses it: its ratio after the holder firm's denominators are adjusted. */
export interface WeightedEdge {
  holder: string;
  firm: string;
  weight: number;
}

const EPS = 1e-9;

export function columnTotals(holdings: Iterable<Holding>): Map<string, ColumnTotals> {
  const totals = new Map<string, ColumnTotals>();
  for (const h of holdings) {
    const t = totals.get(h.firm) ?? { selfRatio: 0, othersSum: 0 };
    if (h.holder === h.firm) t.selfRatio += h.ratio;
    else t.othersSum += h.ratio;
    totals.set(h.firm, t);
  }
  return totals;
}

/**
 * How a firm's holders' ratios are adjusted: divided by 1 − s when the firm holds s of its own
 * shares; scaled to sum to 100% when the registered ratios sum to more (two sources both current,
 * or rounding), since ownership beyond the whole firm would make walk sums around a cycle grow
 * without bound; left alone otherwise (holdings missing from the data are not invented).
 */
export function adjustmentFor(totals: ColumnTotals): Adjustment {
  const { selfRatio, othersSum } = totals;
  const rest = 1 - selfRatio;
  if (selfRatio > 0 && rest <= EPS) return { factor: othersSum > 1 ? 1 / othersSum : 1, reason: 'own-shares-100', totals };
  if (othersSum > rest + EPS) return { factor: 1 / othersSum, reason: 'over-100', totals };
  if (selfRatio > 0) return { factor: 1 / rest, reason: 'own-shares', totals };
  return { factor: 1, reason: null, totals };
}

/**
 * Holdings as solver edges: self-holdings dropped, the others adjusted. `totals` may come from
 * the database (covering holders a capped search left out); missing firms are totalled here.
 */
export function adjustHoldings(holdings: Holding[], totals?: Map<string, ColumnTotals>): { edges: WeightedEdge[]; adjustments: Map<string, Adjustment> } {
  const own = columnTotals(holdings);
  const adjustments = new Map<string, Adjustment>();
  const edges: WeightedEdge[] = [];
  for (const h of holdings) {
    if (h.holder === h.firm) continue;
    let adj = adjustments.get(h.firm);
    if (!adj) {
      adj = adjustmentFor(totals?.get(h.firm) ?? own.get(h.firm)!);
      adjustments.set(h.firm, adj);
    }
    edges.push({ holder: h.holder, firm: h.firm, weight: h.ratio * adj.factor });
  }
  for (const [firm, t] of own) if (!adjustments.has(firm)) adjustments.set(firm, adjustmentFor(totals?.get(firm) ?? t));
  return { edges, adjustments };
}

export interface SolveOptions {
  /** Cycles with at most this many firms are solved exactly by elimination. */
  denseLimit?: number;
  /** Gauss–Seidel stops when no value changes by more than this (relative to max(1, |x|)). */
  tolerance?: number;
  maxIterations?: number;
}

export interface Solution {
  values: Map<string, number>;
  /**
   * Cycles nobody outside holds any part of (every share of each member held inside the cycle):
   * walk sums around them have no limit. Their members are given what they hold outside the
   * cycle directly (see docs), and are listed here so the caller can say so.
   */
  closedCycles: string[][];
  /** False when a Gauss–Seidel solve hit maxIterations before its tolerance. */
  converged: boolean;
  /** Nodes in a cycle of two or more, or with a self-dependency (for showing cyclic walks). */
  cyclic: Set<string>;
}

type Deps = Map<string, { to: string; weight: number }[]>;

/** Tarjan's algorithm without recursion (ownership chains can be thousands deep). SCCs come sinks first. */
export function stronglyConnected(nodes: Iterable<string>, next: (n: string) => Iterable<string>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { node: string; it: Iterator<string> }[] = [{ node: root, it: next(root)[Symbol.iterator]() }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const step = frame.it.next();
      if (!step.done) {
        const w = step.value;
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter++);
          stack.push(w);
          onStack.add(w);
          work.push({ node: w, it: next(w)[Symbol.iterator]() });
        } else if (onStack.has(w)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(w)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(w);
        } while (w !== frame.node);
        components.push(component);
      }
    }
  }
  return components;
}

/** Solves (I − M) x = b in place by Gaussian elimination with partial pivoting; false when singular. */
function eliminate(m: number[][], b: number[]): boolean {
  const n = b.length;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    if (Math.abs(m[pivot]![col]!) < 1e-12) return false;
    if (pivot !== col) {
      [m[pivot], m[col]] = [m[col]!, m[pivot]!];
      [b[pivot], b[col]] = [b[col]!, b[pivot]!];
    }
    const rowCol = m[col]!;
    const p = rowCol[col]!;
    for (let r = col + 1; r < n; r++) {
      const row = m[r]!;
      const f = row[col]! / p;
      if (f === 0) continue;
      for (let c = col; c < n; c++) row[c]! -= f * rowCol[c]!;
      b[r]! -= f * b[col]!;
    }
  }
  for (let r = n - 1; r >= 0; r--) {
    const row = m[r]!;
    let s = b[r]!;
    for (let c = r + 1; c < n; c++) s -= row[c]! * b[c]!;
    b[r] = s / row[r]!;
  }
  return true;
}

/**
 * Whether a cycle's weights within it sum to 1 for every member — on the holder side or on the
 * held side, whichever the system bounds by 1 — so that its spectral radius is 1 (Perron–Frobenius)
 * and I − M has no inverse: every share of every member is held inside the cycle.
 */
function closed(component: string[], inside: Map<string, number>, depsOf: (n: string) => { to: string; weight: number }[]): boolean {
  const rows = new Array<number>(component.length).fill(0);
  const cols = new Array<number>(component.length).fill(0);
  component.forEach((n, i) => {
    for (const d of depsOf(n)) {
      const j = inside.get(d.to);
      if (j === undefined) continue;
      rows[i]! += d.weight;
      cols[j]! += d.weight;
    }
  });
  const allOne = (sums: number[]) => sums.every((v) => Math.abs(v - 1) <= 1e-12);
  return allOne(rows) || allOne(cols);
}

/**
 * x_i = b_i + Σ_j w_ij · x_j for every node, where deps(i) lists the (j, w_ij). Nonnegative
 * weights whose sums stay at most 1 (adjusted holdings) make the solution the walk sum.
 */
export function solveFixedPoint(nodes: Iterable<string>, deps: Deps, b: Map<string, number>, options: SolveOptions = {}): Solution {
  const denseLimit = options.denseLimit ?? 200;
  const tolerance = options.tolerance ?? 1e-14;
  const maxIterations = options.maxIterations ?? 100_000;
  const values = new Map<string, number>();
  const closedCycles: string[][] = [];
  const cyclic = new Set<string>();
  let converged = true;
  const depsOf = (n: string) => deps.get(n) ?? [];
  const components = stronglyConnected(nodes, (n) => depsOf(n).map((d) => d.to));

  for (const component of components) {
    const inside = new Map(component.map((n, i) => [n, i]));
    const selfDependent = component.length === 1 && depsOf(component[0]!).some((d) => d.to === component[0]);
    // What each member gets from outside the component, all of which is already solved.
    const rhs = component.map((n) => {
      let s = b.get(n) ?? 0;
      for (const d of depsOf(n)) if (!inside.has(d.to)) s += d.weight * values.get(d.to)!;
      return s;
    });
    if (component.length === 1 && !selfDependent) {
      values.set(component[0]!, rhs[0]!);
      continue;
    }
    for (const n of component) cyclic.add(n);
    let x: number[] | null = null;
    if (closed(component, inside, depsOf)) {
      // No solve: the walk sums round a closed cycle have no limit (see Solution.closedCycles).
    } else if (component.length <= denseLimit) {
      const m = component.map(() => new Array<number>(component.length).fill(0));
      component.forEach((n, i) => {
        m[i]![i] = 1;
        for (const d of depsOf(n)) {
          const j = inside.get(d.to);
          if (j !== undefined) m[i]![j]! -= d.weight;
        }
      });
      const sol = [...rhs];
      if (eliminate(m, sol)) x = sol;
    } else {
      const sol = [...rhs];
      const local = component.map((n) => depsOf(n).flatMap((d) => (inside.has(d.to) ? [[inside.get(d.to)!, d.weight] as const] : [])));
      let done = false;
      let diverged = false;
      for (let it = 0; it < maxIterations && !done && !diverged; it++) {
        done = true;
        for (let i = 0; i < sol.length; i++) {
          let s = rhs[i]!;
          for (const [j, w] of local[i]!) s += w * sol[j]!;
          if (Math.abs(s - sol[i]!) > tolerance * Math.max(1, Math.abs(s))) done = false;
          if (!(Math.abs(s) < 1e12)) diverged = true;
          sol[i] = s;
        }
      }
      if (!done && !diverged) converged = false;
      if (!diverged) x = sol;
    }
    if (x === null) {
      closedCycles.push([...component].sort());
      x = rhs;
    }
    component.forEach((n, i) => values.set(n, x![i]!));
  }
  return { values, closedCycles, converged, cyclic };
}

function allNodes(edges: WeightedEdge[], extra: string): string[] {
  const set = new Set<string>([extra]);
  for (const e of edges) {
    set.add(e.holder);
    set.add(e.firm);
  }
  return [...set];
}

/**
 * Every holder's integrated ownership of `target`: x_k = [k = target] + Σ_c w(k, c) · x_c. For a
 * holder other than the target, x_k is the sum over all walks from k to the target; x_target is
 * 1 plus the walks from the target back to itself.
 */
export function ownershipInto(target: string, edges: WeightedEdge[], options?: SolveOptions): Solution {
  const deps: Deps = new Map();
  for (const e of edges) {
    const list = deps.get(e.holder) ?? [];
    list.push({ to: e.firm, weight: e.weight });
    deps.set(e.holder, list);
  }
  return solveFixedPoint(allNodes(edges, target), deps, new Map([[target, 1]]), options);
}

/**
 * `source`'s integrated ownership of every firm: y_c = w(source, c) + Σ_k y_k · w(k, c), the
 * sum over all walks from the source to c (for a firm source, y_source is what it holds of
 * itself through others).
 */
export function ownershipFrom(source: string, edges: WeightedEdge[], options?: SolveOptions): Solution {
  const deps: Deps = new Map();
  const b = new Map<string, number>();
  for (const e of edges) {
    const list = deps.get(e.firm) ?? [];
    list.push({ to: e.holder, weight: e.weight });
    deps.set(e.firm, list);
    if (e.holder === source) b.set(e.firm, (b.get(e.firm) ?? 0) + e.weight);
  }
  return solveFixedPoint(allNodes(edges, source), deps, b, options);
}

/** The nodes reachable from the starts (the starts included). */
export function reach(starts: Iterable<string>, next: (n: string) => Iterable<string>): Set<string> {
  const seen = new Set<string>(starts);
  const queue = [...seen];
  while (queue.length > 0) {
    const n = queue.pop()!;
    for (const m of next(n)) {
      if (!seen.has(m)) {
        seen.add(m);
        queue.push(m);
      }
    }
  }
  return seen;
}

export interface Step<E> {
  to: string;
  /** Null when the step's ratio is unknown; the chain's product is then unknown too. */
  weight: number | null;
  edge: E;
}

export interface FoundChain<E> {
  nodes: string[];
  edges: E[];
  product: number | null;
}

/**
 * The simple paths from `from` to `to`, largest product first, at most `maxChains` of them.
 * Branches that cannot beat the smallest kept chain are pruned (weights are at most 1); an
 * unknown weight counts as 1 for pruning. `complete` is false when chains were left out.
 */
export function topChains<E>(
  from: string,
  to: string,
  next: (n: string) => Step<E>[],
  options: { maxChains?: number; maxSteps?: number } = {},
): { chains: FoundChain<E>[]; complete: boolean } {
  const maxChains = options.maxChains ?? 20;
  let budget = options.maxSteps ?? 50_000;
  const kept: (FoundChain<E> & { bound: number })[] = [];
  let complete = true;
  const onPath = new Set<string>([from]);
  const nodes = [from];
  const edges: E[] = [];
  const worst = () => (kept.length < maxChains ? -1 : kept[kept.length - 1]!.bound);

  const visit = (n: string, bound: number, known: boolean) => {
    if (--budget < 0) {
      complete = false;
      return;
    }
    const steps = [...next(n)].sort((a, b) => (b.weight ?? 1) - (a.weight ?? 1));
    for (const s of steps) {
      if (onPath.has(s.to) && s.to !== to) continue;
      if (s.to === from) continue;
      const b2 = bound * (s.weight ?? 1);
      if (b2 <= worst()) {
        complete = false;
        continue;
      }
      const known2 = known && s.weight !== null;
      nodes.push(s.to);
      edges.push(s.edge);
      if (s.to === to) {
        kept.push({ nodes: [...nodes], edges: [...edges], product: known2 ? b2 : null, bound: b2 });
        // Ties go to the shorter chain, then to the order of the keys, so evidence is stable between runs.
        kept.sort((a, b) => b.bound - a.bound || a.nodes.length - b.nodes.length || a.nodes.join('\u0000').localeCompare(b.nodes.join('\u0000')));
        if (kept.length > maxChains) {
          kept.pop();
          complete = false;
        }
      } else {
        onPath.add(s.to);
        visit(s.to, b2, known2);
        onPath.delete(s.to);
      }
      nodes.pop();
      edges.pop();
      if (budget < 0) return;
    }
  };
  if (from !== to) visit(from, 1, true);
  return { chains: kept.map(({ nodes: ns, edges: es, product }) => ({ nodes: ns, edges: es, product })), complete };
}
