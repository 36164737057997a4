import { inject } from 'vitest';
import { connect, type Graph } from '../../cypher/run.ts';

/** The suite's Neo4j (started by globalSetup), reset to an empty graph with the schema applied. */

export const TEST_KEY_SECRET = 'test-secret-0123456789abcdef';

/** The fixtures and the demo are Jiangsu's. */
export const TEST_SETTINGS = { jurisdiction: '320000' };

export async function freshGraph(): Promise<Graph> {
  const graph = connect({ uri: inject('neo4jUri') });
  await graph.writeInBatches('admin/deleteAll');
  await graph.applySchema();
  return graph;
}
