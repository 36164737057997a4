import type { z } from 'zod';
import type { Graph } from '../cypher/run.ts';
import { beneficialOwners, beneficialOwnersParams } from './beneficialOwners.ts';
import { controlledFirms, controlledFirmsParams } from './controlledFirms.ts';
import { AnalysisError, type Envelope } from './envelope.ts';

/**
 * Every analysis by name: its parameters (a zod schema, the one validation for CLI, API and saved
 * reports), what each parameter means, and how to run it. The CLI's `run <analysis>` and the
 * API's `runAnalysis(name, params)` both go through `runAnalysis` below.
 */

/** What the deployment configures for every analysis: the default jurisdiction (CHUANTOU_JURISDICTION). */
export interface AnalysisSettings {
  jurisdiction: string;
}

export interface AnalysisDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  title: { zh: string; en: string };
  params: S;
  /** Parameter names with a one-line meaning, for help texts. */
  parameters: Record<string, string>;
  run(graph: Graph, params: z.output<S>): Promise<Envelope>;
}

const common = {
  rules: 'cn-2024 (默认, ≥25%) | cn-2017 (>25%)',
  threshold: '持股比例阈值，小数，默认 0.25 / threshold as a fraction, default 0.25',
  asOf: '查询日期 YYYY-MM-DD，默认当前 / the day asked about, default: current',
  maxDepth: '最多穿透层数，默认 10 / most holding steps, default 10',
  maxNodes: '最多实体数，默认 5000 / most entities searched, default 5000',
  fanOut: '每个实体最多关系数（超级节点上限），默认 500 / most relationships per entity (hub cap), default 500',
  timeoutMs: '搜索时限（毫秒），默认 10000 / search time budget in ms, default 10000',
};

function define<S extends z.ZodType>(d: AnalysisDefinition<S>): AnalysisDefinition {
  return d as unknown as AnalysisDefinition;
}

export const analyses: Record<string, AnalysisDefinition> = {
  'beneficial-owners': define({
    name: 'beneficial-owners',
    title: { zh: '受益所有人（实际控制人）穿透', en: 'Beneficial owners and controllers of a firm' },
    params: beneficialOwnersParams,
    parameters: { firm: '企业代码或准确名称（必填）/ firm key, USCC or exact name (required)', ...common },
    run: beneficialOwners,
  }),
  'controlled-firms': define({
    name: 'controlled-firms',
    title: { zh: '控制或持股的企业', en: 'Firms a person or firm controls or holds' },
    params: controlledFirmsParams,
    parameters: {
      person: '人员编号或准确姓名 / person key or exact name',
      firm: '或企业代码或准确名称 / or firm key, USCC or exact name',
      ...common,
    },
    run: controlledFirms,
  }),
};

export const analysisNames = Object.keys(analyses);

export function getAnalysis(name: string): AnalysisDefinition {
  const analysis = analyses[name];
  if (!analysis) throw new AnalysisError('UNKNOWN_ANALYSIS', `没有名为“${name}”的分析；可用 / no analysis "${name}"; available: ${analysisNames.join(', ')}`);
  return analysis;
}

/**
 * Validated parameters with defaults applied, the configured jurisdiction included where the
 * analysis takes one; a bad value names the parameter at fault.
 */
export function parseParams(name: string, raw: unknown, settings?: AnalysisSettings): unknown {
  const analysis = getAnalysis(name);
  const given = (raw ?? {}) as Record<string, unknown>;
  const withDefaults =
    settings && 'jurisdiction' in analysis.parameters && typeof given === 'object' && given.jurisdiction === undefined
      ? { ...given, jurisdiction: settings.jurisdiction }
      : given;
  const parsed = analysis.params.safeParse(withDefaults);
  if (!parsed.success) {
    throw new AnalysisError('BAD_PARAMS', parsed.error.issues.map((i) => `${i.path.join('.') || '(params)'}: ${i.message}`).join('; '));
  }
  return parsed.data;
}

export async function runAnalysis(graph: Graph, name: string, raw: unknown, settings?: AnalysisSettings): Promise<Envelope> {
  const params = parseParams(name, raw, settings);
  return getAnalysis(name).run(graph, params);
}
