import type { GraphReader } from '../cypher/run.ts';
import type { EntityRef } from './envelope.ts';
import { expand, type Link, type NetworkNode, type NetworkType } from './network.ts';

/**
 * The network within `depth` hops of an entity, walked breadth-first one hop per query so that
 * the caps apply as it goes: at most `fanOut` relationships per entity (a registration agent's
 * address or a state holder can have thousands), at most `maxNodes` entities in all, and a time
 * budget checked between hops. What a cap left out is recorded — per entity, by relationship
 * type — so that a missing link is never mistaken for the absence of one. Shared by the entities
 * API's `neighborhood` query and the `neighborhood` analysis.
 */

export interface WalkOptions {
  depth: number;
  maxNodes: number;
  fanOut: number;
  types: readonly NetworkType[];
  asOf: unknown;
  /** Wall-clock budget; the first hop always runs. Absent: no budget. */
  timeoutMs?: number;
}

export interface WalkedNode extends NetworkNode {
  distance: number;
  /** How it was first reached: the node nearer the start and the relationship (a BFS tree). */
  via: { from: string; link: Link } | null;
}

/** An entity whose relationships were cut by the fan-out cap. */
export interface Overflow {
  degree: number;
  degrees: Partial<Record<NetworkType, number>>;
  /** Relationships left out, by type. */
  omitted: Partial<Record<NetworkType, number>>;
}

export interface Walk {
  start: WalkedNode;
  /** In the order reached; the start first. */
  nodes: Map<string, WalkedNode>;
  links: Map<string, Link>;
  /** Relationships of the types asked for, per entity expanded. */
  degrees: Map<string, number>;
  overflow: Map<string, Overflow>;
  /** 'fanOut:<key>', 'nodes', 'time'. */
  limitsHit: Set<string>;
}

export async function walkNetwork(graph: GraphReader, start: EntityRef, options: WalkOptions): Promise<Walk | null> {
  const deadline = options.timeoutMs === undefined ? Infinity : Date.now() + options.timeoutMs;
  const expandOptions = { types: options.types, fanOut: options.fanOut, asOf: options.asOf };
  let walk: Walk | null = null;
  let frontier: EntityRef[] = [start];

  for (let hop = 1; hop <= options.depth && frontier.length > 0; hop++) {
    if (walk && Date.now() >= deadline) {
      walk.limitsHit.add('time');
      break;
    }
    const rows = await expand(graph, frontier, expandOptions);
    if (!walk) {
      // The first hop's answer is also how the start is found (or not).
      const self = rows[0];
      if (!self) return null;
      const startNode: WalkedNode = { ...self.node, distance: 0, via: null };
      walk = { start: startNode, nodes: new Map([[startNode.id, startNode]]), links: new Map(), degrees: new Map(), overflow: new Map(), limitsHit: new Set() };
    }
    const next: EntityRef[] = [];
    for (const row of rows) {
      walk.degrees.set(row.node.id, row.degree);
      if (row.degree > row.links.length) {
        walk.limitsHit.add(`fanOut:${row.node.ref.key}`);
        const omitted: Partial<Record<NetworkType, number>> = { ...row.degrees };
        for (const { link } of row.links) omitted[link.type] = (omitted[link.type] ?? 0) - 1;
        walk.overflow.set(row.node.id, { degree: row.degree, degrees: row.degrees, omitted });
      }
      for (const { link, other } of row.links) {
        if (!walk.nodes.has(other.id)) {
          if (walk.nodes.size >= options.maxNodes) {
            walk.limitsHit.add('nodes');
            continue;
          }
          walk.nodes.set(other.id, { ...other, distance: hop, via: { from: row.node.id, link } });
          next.push(other.ref);
        }
        walk.links.set(link.id, link);
      }
    }
    frontier = next;
  }
  // Entities at the last hop may have further relationships: that is the depth asked for, not a cap.
  return walk;
}
