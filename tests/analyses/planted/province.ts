import type { Graph } from '../../../cypher/run.ts';
import type { Truth } from '../../../generator/index.ts';
import { runAnalysis, type AnalysisSettings } from '../../../analyses/index.ts';
import type { Envelope } from '../../../analyses/envelope.ts';

/**
 * What each planted-pattern check gets: the imported province (filled in by planted.test.ts's
 * beforeAll, so read it inside `it`, not at definition time) and its truth file.
 * A check module default-exports a function that declares its `it`s.
 */
export interface Province {
  graph: Graph;
  truth: Truth;
  settings: AnalysisSettings;
}

export type PlantedCheck = (province: Province) => void;

export function run(province: Province, analysis: string, params: Record<string, unknown> = {}): Promise<Envelope> {
  return runAnalysis(province.graph, analysis, params, province.settings);
}
