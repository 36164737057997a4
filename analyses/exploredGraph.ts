import type { GraphReader } from '../cypher/run.ts';
import { compareLinks, expand, typePriority, type ExpandOptions, type Link, type NetworkNode, type NetworkType } from './network.ts';

export interface FoundPath {
  /** Node ids from one end to the other. */
  nodes: string[];
  /** links[i] joins nodes[i] and nodes[i + 1] (the strongest of the relationships between them). */
  links: Link[];
  /** Other relationships between the same two entities, per step. */
  alsoLinkedBy: NetworkType[][];
}

/** Paths of one length collected before the best are chosen: a dense tangle has thousands. */
const PER_LENGTH = 500;
/** Entities per query: a wide frontier is fetched in slices. */
const SLICE = 1000;

/**
 * The relationships a walk has fetched, held in memory to search: routes, hop distances and the
 * simple paths between two entities, never passing through a hub.
 */
export class ExploredGraph {
  readonly nodes = new Map<string, NetworkNode>();
  readonly adjacency = new Map<string, Map<string, Link[]>>();
  readonly expanded = new Set<string>();
  /** Entities with more relationships than fanOut (id → that number): reached, never passed through. */
  readonly hubs = new Map<string, number>();
  /** Entities expanded whose relationships the fan-out cap cut (only ever an end of a search: the rest are hubs). */
  readonly truncated = new Set<string>();

  /** Fetches the relationships of the entities not yet expanded; `ends` are never taken for hubs. */
  async expand(graph: GraphReader, ids: readonly string[], options: ExpandOptions, ends: ReadonlySet<string>): Promise<void> {
    const pending = ids.filter((id) => !this.expanded.has(id));
    for (let i = 0; i < pending.length; i += SLICE) {
      const refs = pending.slice(i, i + SLICE).map((id) => this.nodes.get(id)!.ref);
      for (const row of await expand(graph, refs, { ...options, otherDegrees: true })) {
        this.expanded.add(row.node.id);
        this.nodes.set(row.node.id, row.node);
        if (row.degree > row.links.length) this.truncated.add(row.node.id);
        for (const { link, other, otherDegree } of row.links) {
          if (!this.nodes.has(other.id)) this.nodes.set(other.id, other);
          if (otherDegree !== null && otherDegree > options.fanOut && !ends.has(other.id)) this.hubs.set(other.id, otherDegree);
          this.add(link);
        }
      }
    }
  }

  add(link: Link): void {
    for (const [a, b] of [
      [link.source, link.target],
      [link.target, link.source],
    ] as const) {
      const m = this.adjacency.get(a) ?? this.adjacency.set(a, new Map()).get(a)!;
      const list = m.get(b) ?? m.set(b, []).get(b)!;
      if (!list.some((l) => l.id === link.id)) list.push(link);
    }
  }

  /** Neighbours, strongest relationship first, so that equal-length paths come strongest first. */
  neighbours(id: string): [string, Link[]][] {
    const m = this.adjacency.get(id);
    if (!m) return [];
    return [...m.entries()].map(([n, ls]) => [n, [...ls].sort(compareLinks)] as [string, Link[]]).sort((a, b) => compareLinks(a[1][0]!, b[1][0]!));
  }

  /** Hop distances from `start` through relationships already fetched, never passing a hub or `avoid`. */
  distances(start: string, avoid: string): Map<string, number> {
    const dist = new Map([[start, 0]]);
    let frontier = [start];
    for (let d = 1; frontier.length > 0; d++) {
      const next: string[] = [];
      for (const u of frontier) {
        if (u !== start && (this.hubs.has(u) || u === avoid)) continue;
        for (const v of this.adjacency.get(u)?.keys() ?? []) {
          if (!dist.has(v)) {
            dist.set(v, d);
            next.push(v);
          }
        }
      }
      frontier = next;
    }
    return dist;
  }

  /** The path through these entities, each step shown by its strongest relationship. */
  step(nodes: string[]): FoundPath {
    const links: Link[] = [];
    const alsoLinkedBy: NetworkType[][] = [];
    for (let i = 0; i + 1 < nodes.length; i++) {
      const [best, ...others] = [...this.adjacency.get(nodes[i]!)!.get(nodes[i + 1]!)!].sort(compareLinks);
      links.push(best!);
      alsoLinkedBy.push([...new Set(others.map((l) => l.type))].filter((t) => t !== best!.type));
    }
    return { nodes, links, alsoLinkedBy };
  }

  /** The simple paths from `from` to `to` of at most `maxLength` hops, shortest first, at most `want`. */
  paths(from: string, to: string, maxLength: number, want: number): FoundPath[] {
    const toTarget = this.distances(to, from);
    const shortest = toTarget.get(from);
    if (shortest === undefined || shortest > maxLength) return [];
    const found: FoundPath[] = [];
    for (let length = shortest; length <= maxLength && found.length < want; length++) {
      const ofLength: string[][] = [];
      const onPath = new Set([from]);
      const route = [from];
      const visit = (u: string): void => {
        if (ofLength.length >= PER_LENGTH) return;
        for (const [v] of this.neighbours(u)) {
          const depth = route.length;
          if (v === to) {
            if (depth === length) ofLength.push([...route, to]);
            continue;
          }
          if (onPath.has(v) || this.hubs.has(v) || depth + (toTarget.get(v) ?? Infinity) > length) continue;
          onPath.add(v);
          route.push(v);
          visit(v);
          route.pop();
          onPath.delete(v);
        }
      };
      visit(from);
      const weight = (p: string[]) => p.slice(1).reduce((s, n, i) => s + typePriority.indexOf(this.step([p[i]!, n]).links[0]!.type), 0);
      const ranked = ofLength.map((p) => ({ p, w: weight(p) })).sort((a, b) => a.w - b.w || a.p.join('|').localeCompare(b.p.join('|')));
      for (const { p } of ranked.slice(0, want - found.length)) found.push(this.step(p));
    }
    return found;
  }

  /** A shortest route between two entities through what was fetched (hub-free), or null. */
  route(from: string, to: string): string[] | null {
    const dist = this.distances(to, '');
    if (!dist.has(from)) return null;
    const nodes = [from];
    for (let u = from; u !== to; ) {
      const next = [...(this.adjacency.get(u)?.keys() ?? [])].filter((v) => dist.get(v) === dist.get(u)! - 1 && (v === to || !this.hubs.has(v))).sort()[0]!;
      nodes.push(next);
      u = next;
    }
    return nodes;
  }
}

