import type { Graph } from '../cypher/run.ts';
import type { Caption } from '../model/graph.ts';
import { int } from '../cypher/values.ts';

/**
 * One step of the data model, from version `version - 1` to `version` (migrations/index.ts lists
 * them in order). `up` must be idempotent — a migrate interrupted after the step but before it was
 * recorded runs it again — and must commit in batches, since a store may hold millions of nodes.
 */
export interface Migration {
  version: number;
  /** Stable, kebab-case: what the store's history records. */
  name: string;
  description: Caption;
  /** Does the work and says, in Chinese and English, what it changed. */
  up(graph: Graph, context: MigrationContext): Promise<Caption>;
}

export interface MigrationContext {
  /** The OS user running the migration, recorded with what it writes. */
  by: string;
}

const PAGE = 5000;

/**
 * Walks the nodes a query reads in pages of keys (`$after`, `$limit`, ordered by key), handing each
 * page to `work`, which commits it in its own transaction: a store of millions is never held in
 * one. Returns how many nodes were read.
 */
export async function inKeyPages<T extends { key: string }>(graph: Graph, read: string, work: (page: T[]) => Promise<void>): Promise<number> {
  let done = 0;
  let after = '';
  for (;;) {
    const page = await graph.read<T>(read, { after, limit: int(PAGE) });
    if (page.length > 0) await work(page);
    done += page.length;
    if (page.length < PAGE) return done;
    after = page[page.length - 1]!.key;
  }
}
