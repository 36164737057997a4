import { percentText } from '../model/values.ts';
import { edgeDates, type Chain, type EntityRef, type EvidenceEdge, type Subgraph } from './envelope.ts';
import { adjustHoldings, reach, topChains, type Adjustment, type Holding, type Step, type WeightedEdge } from './integratedOwnership.ts';
import type { GraphEdge, OwnershipGraph } from './ownershipGraph.ts';
import { isMajority } from './rules.ts';

/**
 * A fetched ownership structure read for the rules: adjusted ratios, which relationships confer
 * control, and the evidence (chains, subgraphs) in the envelope's shape. Pure; shared by the
 * analyses that look up (beneficial owners) and down (controlled firms).
 */

function adjustmentNote(adj: Adjustment): string | undefined {
  const { selfRatio, othersSum } = adj.totals;
  switch (adj.reason) {
    case 'own-shares':
      return `企业持有自身股份 ${percentText(selfRatio)}，不计入分母 / the firm holds ${percentText(selfRatio)} of its own shares, left out of the denominator`;
    case 'over-100':
      return `登记持股合计 ${percentText(othersSum + selfRatio)}，按比例折算为 100% / registered holdings sum to ${percentText(othersSum + selfRatio)}, scaled to 100%`;
    case 'own-shares-100':
      return `登记的自身持股 ${percentText(selfRatio)} 不合理，已忽略 / a registered holding of ${percentText(selfRatio)} of its own shares is impossible and was ignored`;
    default:
      return undefined;
  }
}

export class OwnershipView {
  readonly weighted: WeightedEdge[];
  readonly adjustments: Map<string, Adjustment>;
  private readonly out = new Map<string, GraphEdge[]>();
  private readonly in = new Map<string, GraphEdge[]>();

  constructor(readonly g: OwnershipGraph) {
    const holdings: Holding[] = g.edges.flatMap((e) => (e.type === 'HOLDS_SHARES' && e.ratio !== null ? [{ holder: e.holder, firm: e.firm, ratio: e.ratio }] : []));
    const { edges, adjustments } = adjustHoldings(holdings, g.totals);
    this.weighted = edges;
    this.adjustments = adjustments;
    for (const e of g.edges) {
      if (e.holder === e.firm) continue;
      (this.out.get(e.holder) ?? this.out.set(e.holder, []).get(e.holder)!).push(e);
      (this.in.get(e.firm) ?? this.in.set(e.firm, []).get(e.firm)!).push(e);
    }
  }

  ref(key: string): EntityRef {
    const n = this.g.nodes.get(key)!;
    return { kind: n.kind, key: n.key, name: n.name };
  }

  /** The ratio the computation uses: the firm's own shares left out, sums over 100% scaled. */
  adjustedRatio(e: GraphEdge): number | null {
    if (e.type !== 'HOLDS_SHARES' || e.ratio === null || e.holder === e.firm) return null;
    return e.ratio * (this.adjustments.get(e.firm)?.factor ?? 1);
  }

  /** Majority holdings and non-equity control; a CONTROLS that states a share of half or less is an interest, not control. */
  isControl(e: GraphEdge): boolean {
    if (e.type === 'CONTROLS') return e.ratio === null || isMajority(e.ratio);
    const r = this.adjustedRatio(e);
    return r !== null && isMajority(r);
  }

  /** 'majority' for a holding over 50%; otherwise the CONTROLS basis (agreement, nominee …). */
  controlBasis(e: GraphEdge): string {
    return e.type === 'HOLDS_SHARES' ? 'majority' : (e.basis ?? 'control');
  }

  holdingsOut = (n: string): GraphEdge[] => (this.out.get(n) ?? []).filter((e) => e.type === 'HOLDS_SHARES');
  holdingsIn = (n: string): GraphEdge[] => (this.in.get(n) ?? []).filter((e) => e.type === 'HOLDS_SHARES');
  controlOut = (n: string): GraphEdge[] => (this.out.get(n) ?? []).filter((e) => this.isControl(e));
  controlIn = (n: string): GraphEdge[] => (this.in.get(n) ?? []).filter((e) => this.isControl(e));

  evidenceEdge(e: GraphEdge): EvidenceEdge {
    const dates = edgeDates(e.validFrom, e.validTo);
    if (e.type === 'CONTROLS') {
      return { type: 'CONTROLS', ...(e.ratio !== null ? { ratio: e.ratio } : {}), basis: e.basis ?? 'control', ...(e.basisText ? { basisText: e.basisText } : {}), ...dates };
    }
    const adj = this.adjustments.get(e.firm);
    const adjusted = this.adjustedRatio(e);
    const note = adj && e.holder !== e.firm ? adjustmentNote(adj) : undefined;
    return {
      type: 'HOLDS_SHARES',
      ratio: e.ratio,
      ...(adjusted !== null && adjusted !== e.ratio ? { adjustedRatio: adjusted } : {}),
      ...(note && e.ratio !== null ? { note } : {}),
      ...dates,
    };
  }

  private chains(kind: 'ownership' | 'control', from: string, to: string, next: (n: string) => GraphEdge[], maxChains: number) {
    const steps = (n: string): Step<GraphEdge>[] => next(n).map((e) => ({ to: e.firm, weight: kind === 'ownership' ? this.adjustedRatio(e) : 1, edge: e }));
    const found = topChains(from, to, steps, { maxChains });
    const chains: Chain[] = found.chains.map((c) => ({
      kind,
      path: c.nodes.map((k) => this.ref(k)),
      edges: c.edges.map((e) => this.evidenceEdge(e)),
      product: kind === 'ownership' ? c.product : null,
    }));
    return { chains, complete: found.complete };
  }

  /** The simple holding chains from `from` to `to`, largest product first. */
  ownershipChains(from: string, to: string, maxChains = 20) {
    return this.chains('ownership', from, to, this.holdingsOut, maxChains);
  }

  /** The chains of control (majority holdings, non-equity control) from `from` to `to`. */
  controlChains(from: string, to: string, maxChains = 5) {
    return this.chains('control', from, to, this.controlOut, maxChains);
  }

  /** Everything that controls `target` through a chain of control. */
  controllersOf(target: string): Set<string> {
    const s = reach([target], (n) => this.controlIn(n).map((e) => e.holder));
    s.delete(target);
    return s;
  }

  /** Everything `source` controls through a chain of control. */
  controlledBy(source: string): Set<string> {
    const s = reach([source], (n) => this.controlOut(n).map((e) => e.firm));
    s.delete(source);
    return s;
  }

  /**
   * Holders whose integrated ownership of `target` is a lower bound: a holding of unknown ratio
   * lies on one of their holding walks to it.
   */
  unknownRatioUp(target: string): Set<string> {
    const reaching = reach([target], (n) => this.holdingsIn(n).map((e) => e.holder));
    const tails = this.g.edges.filter((e) => e.type === 'HOLDS_SHARES' && e.ratio === null && e.holder !== e.firm && reaching.has(e.firm)).map((e) => e.holder);
    return reach(tails, (n) => this.holdingsIn(n).map((e) => e.holder));
  }

  /** Firms whose integrated ownership by `source` is a lower bound, for the same reason. */
  unknownRatioDown(source: string): Set<string> {
    const reached = reach([source], (n) => this.holdingsOut(n).map((e) => e.firm));
    const heads = this.g.edges.filter((e) => e.type === 'HOLDS_SHARES' && e.ratio === null && e.holder !== e.firm && reached.has(e.holder)).map((e) => e.firm);
    return reach(heads, (n) => this.holdingsOut(n).map((e) => e.firm));
  }

  /**
   * Every holding on the walks from `from` to `to`, when one of those walks goes round a cycle
   * (`cyclic`: the solver's nodes in cycles): what the simple chains cannot show.
   */
  walkSubgraph(from: string, to: string, cyclic: Set<string>): Subgraph | undefined {
    const down = reach([from], (n) => this.holdingsOut(n).map((e) => e.firm));
    const up = reach([to], (n) => this.holdingsIn(n).map((e) => e.holder));
    const on = new Set([...down].filter((n) => up.has(n)));
    if (![...on].some((n) => cyclic.has(n))) return undefined;
    const edges = this.g.edges
      .filter((e) => e.type === 'HOLDS_SHARES' && on.has(e.holder) && on.has(e.firm))
      .map((e) => ({ ...this.evidenceEdge(e), ...(e.holder === e.firm ? { note: '自身股份 / own shares' } : {}), source: e.holder, target: e.firm }));
    return { nodes: [...on].sort().map((k) => this.ref(k)), edges };
  }
}
