import type { Graph } from '../cypher/run.ts';
import type { Caption } from '../model/graph.ts';

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
