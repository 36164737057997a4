import type { Graph } from '../cypher/run.ts';

/** What every resolver gets: the graph connection. Built once per server, shared by requests. */
export interface ApiContext {
  graph: Graph;
}
