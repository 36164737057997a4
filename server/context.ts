import type { AnalysisSettings } from '../analyses/index.ts';
import type { Graph } from '../cypher/run.ts';

/** What every resolver gets: the graph connection and the analyses' settings. Built once per server, shared by requests. */
export interface ApiContext {
  graph: Graph;
  settings: AnalysisSettings;
}
