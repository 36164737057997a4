import { connect, type Graph } from '../cypher/run.ts';
import type { Config } from '../server/config.ts';
import { requireCurrentModel } from '../migrations/modelVersion.ts';
import { readLocalNeo4jPassword } from '../neo4j/localServer.ts';

export class DatabaseUnavailableError extends Error {
  readonly code = 'DATABASE_UNAVAILABLE';
}

/**
 * Connects to the configured Neo4j and checks that it answers, naming the server when it does not.
 * The local server is signed in to with the password its first start wrote into the data directory.
 */
export async function openGraph(config: Config): Promise<Graph> {
  const password = config.neo4j.external ? config.neo4j.password : readLocalNeo4jPassword(config.local.neo4jPasswordFile);
  const graph = connect({ ...config.neo4j, password });
  try {
    await graph.driver.verifyConnectivity({ database: config.neo4j.database });
  } catch (error) {
    await graph.close();
    const hint = config.neo4j.external
      ? '请检查 NEO4J_URI、NEO4J_USER、NEO4J_PASSWORD / check NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD'
      : '请先运行 `npx chuantou db start` 或 `npm start` / start it with `npx chuantou db start` or `npm start`';
    throw new DatabaseUnavailableError(`无法连接 Neo4j ${config.neo4j.uri}：${(error as Error).message}\n${hint}`);
  }
  return graph;
}

/**
 * The configured graph, for commands that read or write its data (import, run): a store of another
 * data-model version is refused, naming what to do (migrate it, or upgrade Chuantou), before
 * anything is read or written.
 */
export async function openCurrentGraph(config: Config): Promise<Graph> {
  const graph = await openGraph(config);
  try {
    await requireCurrentModel(graph);
  } catch (error) {
    await graph.close();
    throw error;
  }
  return graph;
}
