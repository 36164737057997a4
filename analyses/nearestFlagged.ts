import type { GraphReader } from '../cypher/run.ts';
import { sortedLimits, type Chain, type EntityRef, type EvidenceEdge } from './envelope.ts';
import { evidenceEdge, expand, linkGroups, nodeId, typesOf, type ExpandOptions, type Expansion, type Link } from './network.ts';

/**
 * How far an entity stands from the nearest flagged firm: a breadth-first walk through holdings,
 * offices, control, family ties, branches, memberships and shared contact points, one hop per
 * query for all the entities asked about at once, each with its own visited set. Caps — the hub
 * cap per entity, the entities taken in per walk, the time budget — are named in limitsHit of the
 * walk they stopped, so "none within N hops" is only stated when the walk was complete.
 */

export interface WalkLimits {
  /** Hops searched; 0 checks only whether the entity itself is a flagged firm. */
  maxDistance: number;
  /** Most relationships followed from one entity (flagged firms first). */
  fanOut: number;
  /** Most entities one walk takes in. */
  maxNodes: number;
  /** Wall-clock budget of all the walks together, in milliseconds. */
  timeoutMs: number;
}

export interface WalkStart {
  ref: EntityRef;
  /** The list types (of those that count) the entity itself is flagged with. */
  flaggedAs: string[];
}

export interface Nearest {
  /** Hops to the nearest flagged firm; null when none was found within maxDistance. */
  distance: number | null;
  firm: EntityRef | null;
  listTypes: string[];
  /** The route there (kind 'path'); null at distance 0 or when none was found. */
  chain: Chain | null;
  limitsHit: string[];
}

/** Entities per query: the union of many walks' frontiers is fetched in slices. */
const SLICE = 500;

/**
 * Every relationship group but lists: two firms on one list share its ListEntry, so walking it
 * would make every firm of a case "near" the flagged one.
 */
const WALKED = typesOf(linkGroups);

interface Visit {
  ref: EntityRef;
  prev: string | null;
  /** The relationship it was reached by, from `prev`. */
  link: Link | null;
}

interface Walk {
  visited: Map<string, Visit>;
  frontier: string[];
  done: boolean;
  found: { id: string; listTypes: string[]; distance: number } | null;
  limits: Set<string>;
}

function route(walk: Walk, to: string): Chain {
  const path: EntityRef[] = [];
  const edges: EvidenceEdge[] = [];
  for (let id: string | null = to; id !== null; ) {
    const v: Visit = walk.visited.get(id)!;
    path.unshift(v.ref);
    // The route runs from the listed entity to the flagged firm; a relationship pointing back says so.
    if (v.link) edges.unshift(evidenceEdge(v.link, v.prev!));
    id = v.prev;
  }
  return { kind: 'path', path, edges, product: null };
}

/**
 * One hop for the entities of every walk at once. Ended relationships are walked too (a former
 * holder or officer is still a connection an investigator follows), and flagged firms come first
 * within the fan-out cap, each with its list types.
 */
async function expandAll(graph: GraphReader, ids: string[], refs: Map<string, EntityRef>, fanOut: number, listTypes: readonly string[]): Promise<Map<string, Expansion>> {
  const options: ExpandOptions = { types: WALKED, fanOut, asOf: null, includeEnded: true, flaggedBy: listTypes };
  const out = new Map<string, Expansion>();
  for (let i = 0; i < ids.length; i += SLICE) {
    for (const row of await expand(graph, ids.slice(i, i + SLICE).map((id) => refs.get(id)!), options)) out.set(row.node.id, row);
  }
  return out;
}

const byName = (refs: Map<string, EntityRef>) => (a: string, b: string) =>
  refs.get(a)!.name.localeCompare(refs.get(b)!.name, 'zh') || a.localeCompare(b);

export async function nearestFlagged(graph: GraphReader, starts: WalkStart[], listTypes: readonly string[], limits: WalkLimits): Promise<Map<string, Nearest>> {
  const deadline = Date.now() + limits.timeoutMs;
  const refs = new Map<string, EntityRef>();
  const walks = new Map<string, Walk>();
  for (const s of starts) {
    const id = nodeId(s.ref);
    if (walks.has(id)) continue;
    refs.set(id, s.ref);
    const flaggedHere = s.ref.kind === 'COMPANY' && s.flaggedAs.length > 0;
    walks.set(id, {
      visited: new Map([[id, { ref: s.ref, prev: null, link: null }]]),
      frontier: [id],
      done: flaggedHere || limits.maxDistance === 0,
      found: flaggedHere ? { id, listTypes: s.flaggedAs, distance: 0 } : null,
      limits: new Set(),
    });
  }

  for (let hop = 1; hop <= limits.maxDistance; hop++) {
    const active = [...walks.values()].filter((w) => !w.done && w.frontier.length > 0);
    if (active.length === 0) break;
    if (Date.now() > deadline) {
      for (const w of active) w.limits.add('time');
      break;
    }
    const ids = [...new Set(active.flatMap((w) => w.frontier))];
    const rows = await expandAll(graph, ids, refs, limits.fanOut, listTypes);
    const flaggedAs = new Map<string, string[]>();
    for (const w of active) {
      const next: string[] = [];
      const candidates: string[] = [];
      for (const from of w.frontier) {
        const row = rows.get(from);
        if (!row) continue;
        if (row.degree > row.links.length) w.limits.add(`fanOut:${row.node.ref.key}`);
        for (const { link, other, otherFlaggedAs } of row.links) {
          if (w.visited.has(other.id)) continue;
          if (w.visited.size >= limits.maxNodes) {
            w.limits.add('nodes');
            break;
          }
          refs.set(other.id, other.ref);
          w.visited.set(other.id, { ref: other.ref, prev: from, link });
          next.push(other.id);
          if (otherFlaggedAs.length > 0) {
            candidates.push(other.id);
            flaggedAs.set(other.id, otherFlaggedAs);
          }
        }
      }
      if (candidates.length > 0) {
        const nearest = candidates.sort(byName(refs))[0]!;
        w.found = { id: nearest, listTypes: flaggedAs.get(nearest)!, distance: hop };
        w.done = true;
      } else if (w.limits.has('nodes')) w.done = true;
      w.frontier = next;
    }
  }

  const out = new Map<string, Nearest>();
  for (const [id, w] of walks) {
    out.set(id, {
      distance: w.found?.distance ?? null,
      firm: w.found ? refs.get(w.found.id)! : null,
      listTypes: w.found?.listTypes ?? [],
      chain: w.found && w.found.distance > 0 ? route(w, w.found.id) : null,
      limitsHit: sortedLimits(w.limits),
    });
  }
  return out;
}
