import type { GraphReader } from '../../cypher/run.ts';
import { decodeProvenance, runIdsOf, type DecodedProvenance, type RunFiles } from '../../model/provenance.ts';

/**
 * The sources of a profile's facts, decoded in one place: every provenance entry the profile's
 * queries returned is parsed (model/provenance.ts) and joined with its ImportRun, asked for once
 * for all the runs the profile names.
 */

export type Provenance = DecodedProvenance;

// Properties of the query rows that hold provenance entries: lists on facts, and the history's
// sources of an earlier value (assertedBy) and of the row that replaced it (replacedBy).
const ENTRY_LISTS = new Set(['provenance', 'entryProvenance', 'assertedBy']);
const SINGLE_ENTRIES = new Set(['replacedBy']);

function collectEntries(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const v of value) collectEntries(v, into);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [k, v] of Object.entries(value)) {
    if (ENTRY_LISTS.has(k) && Array.isArray(v)) for (const e of v) typeof e === 'string' && into.add(e);
    else if (SINGLE_ENTRIES.has(k) && typeof v === 'string') into.add(v);
    else collectEntries(v, into);
  }
}

export type Decoder = (entries: readonly string[] | null | undefined) => Provenance[];

/** A decoder for every entry found in `rows` (a fact may have several sources; each is one Provenance). */
export async function sourcesOf(graph: GraphReader, rows: unknown): Promise<Decoder> {
  const entries = new Set<string>();
  collectEntries(rows, entries);
  const ids = runIdsOf(entries);
  const runs = ids.length === 0 ? [] : await graph.read<RunFiles>('profile/importRuns', { ids });
  const byId = new Map(runs.map((r) => [r.id, r]));
  const decoded = new Map<string, Provenance | null>();
  return (list) =>
    (list ?? []).flatMap((entry) => {
      if (!decoded.has(entry)) decoded.set(entry, decodeProvenance(entry, byId));
      const p = decoded.get(entry);
      return p ? [p] : [];
    });
}

/**
 * Record kinds whose rows state a firm's registration facts: the registration itself and ownership
 * statements (BODS, GLEIF). Other rows only name the firm: a shareholder list names the firm it is
 * about, and a branch list names the head office beside the branch it describes (a branch known
 * only from that list gets the list's row through the fallback below).
 */
const REGISTRATION_KINDS = new Set(['registrations', 'bods', 'gleif']);

/**
 * The sources of a firm's registration facts: the rows of a registration-stating kind among the
 * node's entries; when there is none (a firm known only from the rows that name it), those rows,
 * which gave its name and code.
 */
export function registrationSources(sources: Provenance[]): Provenance[] {
  const stating = sources.filter((s) => s.kind !== null && REGISTRATION_KINDS.has(s.kind));
  return stating.length > 0 ? stating : sources;
}
