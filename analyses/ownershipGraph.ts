import type { GraphReader } from '../cypher/run.ts';
import { int } from '../cypher/values.ts';
import type { EntityKind } from './envelope.ts';
import type { ColumnTotals } from './integratedOwnership.ts';
import type { Limits } from './params.ts';

/**
 * The part of the ownership structure an analysis needs, walked hop by hop: up from a firm (its
 * holders and controllers, theirs, …) or down from a firm or person (what it holds and controls,
 * …). One query per hop for the whole frontier keeps a deep structure to a few round trips (going
 * up, usually one: the first query prefetches the firms above), and every cap applies as the walk
 * goes; each cap reached is recorded in `limitsHit`. The
 * structure stays small (what one firm's owners or one person's firms are), so it is solved in
 * TypeScript rather than by enumerating paths in Cypher, which grows with the number of paths.
 */

export interface GraphNode {
  kind: EntityKind;
  key: string;
  name: string;
  idMasked: string | null;
  status: string | null;
}

export interface GraphEdge {
  type: 'HOLDS_SHARES' | 'CONTROLS';
  holder: string;
  firm: string;
  ratio: number | null;
  basis: string | null;
  basisText: string | null;
  validFrom: string | null;
  validTo: string | null;
}

export interface OwnershipGraph {
  /** Where the walk began (the first of several starts when a screen walks from a whole set). */
  start: GraphNode;
  nodes: Map<string, GraphNode>;
  edges: GraphEdge[];
  /** Denominators of firms whose full list of holders was summed by a query. */
  totals: Map<string, ColumnTotals>;
  /**
   * Going up: firms all of whose holders are known (none at all, or every one fetched). Going
   * down: entities all of whose holdings are known.
   */
  complete: Set<string>;
  limitsHit: Set<string>;
}

interface EdgeProps {
  type: GraphEdge['type'];
  ratio: number | null;
  basis: string | null;
  basisText: string | null;
  validFrom: string | null;
  validTo: string | null;
}

interface UpRow {
  key: string;
  degree: number;
  othersSum: number;
  selfRatio: number;
  edges: (EdgeProps & { holder: GraphNode & { holders: number } })[];
}

interface DownRow {
  key: string;
  degree: number;
  edges: (EdgeProps & { firm: { key: string; name: string; status: string | null; othersSum: number; selfRatio: number; holdings: number } })[];
}

function edgeOf(e: EdgeProps, holder: string, firm: string): GraphEdge {
  return {
    type: e.type,
    holder,
    firm,
    ratio: typeof e.ratio === 'number' ? e.ratio : null,
    basis: e.basis ?? null,
    basisText: e.basisText ?? null,
    validFrom: e.validFrom ?? null,
    validTo: e.validTo ?? null,
  };
}

type Hop<R> = (frontier: string[]) => Promise<R[]>;

/** The walk both directions share: frontier by frontier, with the caps checked between hops. */
async function walk<R extends { key: string; degree: number; edges: unknown[] }>(
  starts: GraphNode[],
  limits: Limits,
  hop: Hop<R>,
  take: (row: R, g: OwnershipGraph, admit: (node: GraphNode, expandable: boolean) => boolean) => void,
): Promise<OwnershipGraph> {
  const g: OwnershipGraph = { start: starts[0]!, nodes: new Map(starts.map((s) => [s.key, s])), edges: [], totals: new Map(), complete: new Set(), limitsHit: new Set() };
  const deadline = Date.now() + limits.timeoutMs;
  let frontier = [...g.nodes.keys()];
  for (let depth = 1; frontier.length > 0; depth++) {
    if (depth > limits.maxDepth) {
      g.limitsHit.add('depth');
      break;
    }
    // The first hop always runs: an answer with not even the direct holders would say nothing.
    if (depth > 1 && Date.now() >= deadline) {
      g.limitsHit.add('time');
      break;
    }
    const next: string[] = [];
    const admit = (node: GraphNode, expandable: boolean): boolean => {
      if (g.nodes.has(node.key)) return true;
      if (g.nodes.size >= limits.maxNodes) {
        g.limitsHit.add('nodes');
        return false;
      }
      g.nodes.set(node.key, node);
      if (expandable) next.push(node.key);
      else g.complete.add(node.key);
      return true;
    };
    for (const row of await hop(frontier)) {
      if (row.degree > row.edges.length) g.limitsHit.add(`fanOut:${row.key}`);
      else g.complete.add(row.key);
      take(row, g, admit);
    }
    frontier = next;
  }
  return g;
}

/** Holders and controllers of `start`, theirs, and so on up to the caps. */
export function upstream(graph: GraphReader, start: GraphNode, asOf: unknown, limits: Limits): Promise<OwnershipGraph> {
  return upstreamOfAll(graph, [start], asOf, limits);
}

/**
 * The same walk up from a whole set of firms at once (a screen over every flagged firm): one query
 * per hop for the set's frontier, so the cost follows the structure above the set, not its size
 * times the number of queries. The starts count towards maxNodes.
 */
export function upstreamOfAll(graph: GraphReader, starts: GraphNode[], asOf: unknown, limits: Limits): Promise<OwnershipGraph> {
  // The first query brings the rows of the firms above the starts as well (up to maxNodes), so
  // the walk's later hops are read from memory; a firm it left out is asked for when reached.
  const fetched = new Map<string, UpRow>();
  const hop = async (keys: string[]): Promise<UpRow[]> => {
    const missing = keys.filter((k) => !fetched.has(k));
    if (missing.length > 0) {
      const rows = await graph.read<UpRow>('analyses/holdersOf', { keys: missing, asOf, fanOut: int(limits.fanOut), reach: int(limits.maxNodes) });
      for (const row of rows) fetched.set(row.key, row);
    }
    return keys.flatMap((k) => fetched.get(k) ?? []);
  };
  return walk<UpRow>(
    starts,
    limits,
    hop,
    (row, g, admit) => {
      g.totals.set(row.key, { selfRatio: row.selfRatio, othersSum: row.othersSum });
      for (const e of row.edges) {
        const { holders, ...holder } = e.holder;
        const node: GraphNode = { ...holder, idMasked: holder.idMasked ?? null, status: holder.status ?? null };
        if (admit(node, node.kind === 'COMPANY' && holders > 0)) g.edges.push(edgeOf(e, node.key, row.key));
      }
    },
  );
}

/** Firms `start` holds or controls, theirs, and so on down to the caps. */
export function downstream(graph: GraphReader, start: GraphNode, asOf: unknown, limits: Limits): Promise<OwnershipGraph> {
  return walk<DownRow>(
    [start],
    limits,
    (keys) => graph.read<DownRow>('analyses/holdingsOf', { keys, asOf, fanOut: int(limits.fanOut) }),
    (row, g, admit) => {
      for (const e of row.edges) {
        const { othersSum, selfRatio, holdings, ...firm } = e.firm;
        g.totals.set(firm.key, { selfRatio, othersSum });
        const node: GraphNode = { kind: 'COMPANY', key: firm.key, name: firm.name, idMasked: null, status: firm.status ?? null };
        if (admit(node, holdings > 0)) g.edges.push(edgeOf(e, row.key, firm.key));
      }
    },
  );
}
