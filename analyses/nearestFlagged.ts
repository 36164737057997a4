import type { Graph } from '../cypher/run.ts';
import { int } from '../cypher/values.ts';
import { edgeDates, sortedLimits, toEntityRef, type Chain, type EntityRef, type EvidenceEdge, type NodeRow } from './envelope.ts';

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

interface ExpandEdge {
  type: EvidenceEdge['type'];
  outgoing: boolean;
  props: { ratio: number | null; role: string | null; basis: string | null; basisText: string | null; memberType: string | null; validFrom: string | null; validTo: string | null };
  other: NodeRow;
  flaggedAs: string[];
}

interface ExpandRow {
  kind: string;
  key: string;
  degree: number;
  edges: ExpandEdge[];
}

/** Entities are identified by kind and key: keys are unique per label only. */
const idOf = (ref: EntityRef) => `${ref.kind}:${ref.key}`;

/** Frontier entities per query: large frontiers are fetched in slices. */
const SLICE = 500;

interface Visit {
  ref: EntityRef;
  prev: string | null;
  edge: EvidenceEdge | null;
}

interface Walk {
  visited: Map<string, Visit>;
  frontier: string[];
  done: boolean;
  found: { id: string; listTypes: string[]; distance: number } | null;
  limits: Set<string>;
}

function evidenceEdge(e: ExpandEdge): EvidenceEdge {
  const p = e.props;
  const details: Record<string, string | boolean> = {};
  if (p.memberType) details.memberType = p.memberType;
  // The route runs from the listed entity to the flagged firm; the relationship may point back.
  if (!e.outgoing) details.reversed = true;
  return {
    type: e.type,
    ...(p.ratio !== null && p.ratio !== undefined ? { ratio: p.ratio } : {}),
    ...(p.role ? { role: p.role } : {}),
    ...(p.basis ? { basis: p.basis } : {}),
    ...(p.basisText ? { basisText: p.basisText } : {}),
    ...edgeDates(p.validFrom, p.validTo),
    ...(Object.keys(details).length > 0 ? { details } : {}),
  };
}

function route(walk: Walk, to: string): Chain {
  const path: EntityRef[] = [];
  const edges: EvidenceEdge[] = [];
  for (let id: string | null = to; id !== null; ) {
    const v: Visit = walk.visited.get(id)!;
    path.unshift(v.ref);
    if (v.edge) edges.unshift(v.edge);
    id = v.prev;
  }
  return { kind: 'path', path, edges, product: null };
}

/** One relationship out of an expanded entity, prepared once for every walk that reaches it. */
interface Step {
  id: string;
  ref: EntityRef;
  edge: EvidenceEdge;
  flaggedAs: string[];
}

interface Expanded {
  key: string;
  degree: number;
  steps: Step[];
}

async function expand(graph: Graph, ids: string[], refs: Map<string, EntityRef>, fanOut: number, listTypes: readonly string[]): Promise<Map<string, Expanded>> {
  const out = new Map<string, Expanded>();
  for (let i = 0; i < ids.length; i += SLICE) {
    const frontier = ids.slice(i, i + SLICE).map((id) => ({ kind: refs.get(id)!.kind, key: refs.get(id)!.key }));
    for (const row of await graph.read<ExpandRow>('analyses/flaggedWalkExpand', { frontier, fanOut: int(fanOut), listTypes: [...listTypes] })) {
      const steps = row.edges.map((e) => {
        const ref = toEntityRef(e.other);
        return { id: idOf(ref), ref, edge: evidenceEdge(e), flaggedAs: ref.kind === 'COMPANY' ? [...new Set(e.flaggedAs)].sort() : [] };
      });
      out.set(`${row.kind}:${row.key}`, { key: row.key, degree: row.degree, steps });
    }
  }
  return out;
}

const byName = (refs: Map<string, EntityRef>) => (a: string, b: string) =>
  refs.get(a)!.name.localeCompare(refs.get(b)!.name, 'zh') || a.localeCompare(b);

export async function nearestFlagged(graph: Graph, starts: WalkStart[], listTypes: readonly string[], limits: WalkLimits): Promise<Map<string, Nearest>> {
  const deadline = Date.now() + limits.timeoutMs;
  const refs = new Map<string, EntityRef>();
  const walks = new Map<string, Walk>();
  for (const s of starts) {
    const id = idOf(s.ref);
    if (walks.has(id)) continue;
    refs.set(id, s.ref);
    const flaggedHere = s.ref.kind === 'COMPANY' && s.flaggedAs.length > 0;
    walks.set(id, {
      visited: new Map([[id, { ref: s.ref, prev: null, edge: null }]]),
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
    const rows = await expand(graph, ids, refs, limits.fanOut, listTypes);
    const flaggedAs = new Map<string, string[]>();
    for (const w of active) {
      const next: string[] = [];
      const candidates: string[] = [];
      for (const from of w.frontier) {
        const row = rows.get(from);
        if (!row) continue;
        if (row.degree > row.steps.length) w.limits.add(`fanOut:${row.key}`);
        for (const step of row.steps) {
          if (w.visited.has(step.id)) continue;
          if (w.visited.size >= limits.maxNodes) {
            w.limits.add('nodes');
            break;
          }
          refs.set(step.id, step.ref);
          w.visited.set(step.id, { ref: step.ref, prev: from, edge: step.edge });
          next.push(step.id);
          if (step.flaggedAs.length > 0) {
            candidates.push(step.id);
            flaggedAs.set(step.id, step.flaggedAs);
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

export { idOf as walkId };
