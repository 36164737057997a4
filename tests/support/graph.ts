import { inject } from 'vitest';
import { connect, type Graph } from '../../cypher/run.ts';

/** The suite's Neo4j (started by globalSetup), reset to an empty graph with the schema applied. */

export const TEST_KEY_SECRET = 'test-secret-0123456789abcdef';

/** The fixtures and the demo are Jiangsu's. */
export const TEST_SETTINGS = { jurisdiction: '320000' };

/** Where the suite's Neo4j is and how to sign in to it. */
export function testNeo4j(): { uri: string; user: string; password: string } {
  return inject('neo4j');
}

/** The same, as the environment that points the CLI at it (an existing server, to the CLI). */
export function testNeo4jEnv(): { NEO4J_URI: string; NEO4J_USER: string; NEO4J_PASSWORD: string } {
  const { uri, user, password } = testNeo4j();
  return { NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password };
}

export async function freshGraph(): Promise<Graph> {
  const graph = connect(testNeo4j());
  await graph.writeInBatches('admin/deleteAll');
  await graph.applySchema();
  return graph;
}
