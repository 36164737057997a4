import type { GraphReader } from '../cypher/run.ts';
import { DisjointSets } from '../model/disjointSets.ts';
import type { EntityRef } from './envelope.ts';
import { ExploredGraph, type FoundPath } from './exploredGraph.ts';
import { nodeId, type Link, type NetworkNode, type NetworkType } from './network.ts';

/**
 * An approximately smallest network joining a set of entities (the firms of one case): Mehlhorn's
 * shortest-path Steiner-tree heuristic, which is Kou–Markowsky–Berman's with the metric closure
 * replaced by Voronoi regions, so one breadth-first wave from all the firms at once does the work
 * of a search between every pair.
 *
 * 1. The wave grows from every firm together, one hop per query; each entity belongs to the firm
 *    that reached it first (its region) and remembers from where.
 * 2. A relationship between two regions is a bridge between their firms, of length
 *    d(firm, u) + 1 + d(v, other firm). After r hops every bridge of length ≤ 2r is known, so as
 *    soon as those bridges join all the firms, their minimum spanning tree is exactly
 *    Mehlhorn's, which has the weight of the metric closure's minimum spanning tree.
 * 3. Each bridge of the tree is expanded back into its path (region tree, bridge, region tree).
 *    The union is a tree whose leaves are all firms, so there is nothing left to prune.
 * The tree has at most 2 − 2/t times as many relationships as the smallest network joining the t
 * firms (Kou et al. 1981; Mehlhorn 1988). Hubs are reached but never passed through, as in paths.
 */

export interface SteinerOptions {
  types: readonly NetworkType[];
  /** Longest path between two firms that may join them. */
  maxHops: number;
  fanOut: number;
  maxNodes: number;
  deadline: number;
  asOf: unknown;
  /** Firms whose registration has ended are no intermediate hop (the firms joined may be such firms). */
  activeOnly?: boolean;
}

export interface SteinerNetwork {
  nodes: Map<string, NetworkNode>;
  /** The tree's firm-to-firm paths (one per bridge of the spanning tree). */
  paths: FoundPath[];
  links: Link[];
  /** Ids of the tree's entities, firms included. */
  treeNodes: string[];
  /** Firms joined to at least one other firm; the rest stand alone within the limits. */
  joined: string[];
  alone: string[];
  /** Hubs not passed through that could have joined firms more closely: their names and relationships. */
  hubs: { node: NetworkNode; degree: number }[];
  limitsHit: Set<string>;
}

interface Bridge {
  s: number;
  t: number;
  u: string;
  v: string;
  length: number;
}

function spanningTree(bridges: Bridge[], terminals: number): { tree: Bridge[]; root: (i: number) => number } {
  const sets = new DisjointSets<number>();
  for (let i = 0; i < terminals; i++) sets.add(i);
  const tree = bridges.filter((b) => sets.union(b.s, b.t));
  return { tree, root: (i) => sets.find(i) };
}

export async function steinerNetwork(graph: GraphReader, terminals: EntityRef[], o: SteinerOptions): Promise<SteinerNetwork> {
  const g = new ExploredGraph();
  const ids = terminals.map(nodeId);
  const owner = new Map<string, number>();
  const dist = new Map<string, number>();
  const parent = new Map<string, string | null>();
  ids.forEach((id, i) => {
    g.nodes.set(id, { id, ref: { kind: terminals[i]!.kind, key: terminals[i]!.key, name: terminals[i]!.name }, status: null });
    owner.set(id, i);
    dist.set(id, 0);
    parent.set(id, null);
  });
  const ends = new Set(ids);
  const partyKeys = terminals.map((t) => t.key);
  const limitsHit = new Set<string>();
  let frontier = [...ids];
  let radius = 0;

  const bridges = (): Bridge[] => {
    const best = new Map<string, Bridge>();
    for (const [u, around] of g.adjacency) {
      if (!owner.has(u) || g.hubs.has(u)) continue;
      for (const v of around.keys()) {
        if (!owner.has(v) || g.hubs.has(v) || owner.get(u)! >= owner.get(v)!) continue;
        const b: Bridge = { s: owner.get(u)!, t: owner.get(v)!, u, v, length: dist.get(u)! + 1 + dist.get(v)! };
        const pair = `${b.s}-${b.t}`;
        const current = best.get(pair);
        if (!current || b.length < current.length || (b.length === current.length && `${u}|${v}` < `${current.u}|${current.v}`)) best.set(pair, b);
      }
    }
    return [...best.values()].sort((a, b) => a.length - b.length || a.s - b.s || a.t - b.t);
  };

  let chosen: Bridge[];
  for (;;) {
    const known = bridges();
    const exact = spanningTree(
      known.filter((b) => b.length <= 2 * radius),
      ids.length,
    );
    if (exact.tree.length === ids.length - 1) {
      chosen = exact.tree;
      break;
    }
    const stop =
      frontier.length === 0 ? 'exhausted' : 2 * radius >= o.maxHops ? 'depth' : radius > 0 && Date.now() >= o.deadline ? 'time' : g.nodes.size >= o.maxNodes ? 'nodes' : null;
    if (stop) {
      chosen = spanningTree(
        known.filter((b) => b.length <= o.maxHops),
        ids.length,
      ).tree;
      // Firms still apart could be joined only through two parts that both have entities left to
      // expand; a part whose search ran out is all there is.
      const { root } = spanningTree(chosen, ids.length);
      const open = new Set(frontier.map((id) => root(owner.get(id)!)));
      if (stop !== 'exhausted' && (open.size >= 2 || chosen.some((b) => b.length > 2 * radius))) limitsHit.add(stop);
      if (spanningTree(known, ids.length).tree.length > chosen.length) limitsHit.add('depth');
      break;
    }
    await g.expand(graph, frontier, { types: o.types, fanOut: o.fanOut, asOf: o.asOf, activeOnly: o.activeOnly, keep: partyKeys }, ends);
    const next: string[] = [];
    // Ties go to the firm listed first, so the regions do not depend on the order rows come back in.
    const ordered = [...frontier].sort((a, b) => owner.get(a)! - owner.get(b)! || a.localeCompare(b));
    for (const u of ordered) {
      for (const v of [...(g.adjacency.get(u)?.keys() ?? [])].sort()) {
        if (dist.has(v)) continue;
        dist.set(v, radius + 1);
        owner.set(v, owner.get(u)!);
        parent.set(v, u);
        if (!g.hubs.has(v)) next.push(v);
      }
    }
    radius++;
    frontier = next;
  }

  const toFirm = (x: string): string[] => {
    const out: string[] = [];
    for (let n: string | null = x; n !== null; n = parent.get(n) ?? null) out.push(n);
    return out;
  };
  const paths = chosen.map((b) => g.step([...toFirm(b.u).reverse(), ...toFirm(b.v)]));
  const links = new Map<string, Link>();
  const treeNodes = new Set<string>();
  for (const p of paths) {
    for (const n of p.nodes) treeNodes.add(n);
    for (const l of p.links) links.set(l.id, l);
  }
  const { root } = spanningTree(chosen, ids.length);
  const size = new Map<number, number>();
  ids.forEach((_, i) => size.set(root(i), (size.get(root(i)) ?? 0) + 1));
  const joined = ids.filter((_, i) => size.get(root(i))! > 1);
  const alone = ids.filter((_, i) => size.get(root(i)) === 1);

  for (const id of g.truncated) limitsHit.add(`fanOut:${g.nodes.get(id)!.ref.key}`);
  // A path through a hub at distance d from the nearest firm is at least 2d long: it matters when
  // that is shorter than the longest bridge used, or could join firms left alone.
  const longest = Math.max(0, ...chosen.map((b) => b.length));
  const hubs: SteinerNetwork['hubs'] = [];
  for (const [id, degree] of g.hubs) {
    const shortest = 2 * dist.get(id)!;
    if (alone.length > 0 ? shortest > o.maxHops : shortest >= longest) continue;
    limitsHit.add(`fanOut:${g.nodes.get(id)!.ref.key}`);
    hubs.push({ node: g.nodes.get(id)!, degree });
  }
  hubs.sort((a, b) => b.degree - a.degree || a.node.id.localeCompare(b.node.id));

  return { nodes: g.nodes, paths, links: [...links.values()], treeNodes: [...treeNodes], joined, alone, hubs, limitsHit };
}
