import { z } from 'zod';
import { resolveDivision } from '../model/divisions.ts';
import { ruleSetNames } from './rules.ts';

/**
 * Parameter pieces shared by the analyses. Numbers are coerced because the CLI passes every
 * `--param k=v` as text; the GraphQL API passes typed values, which pass through unchanged.
 */

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD / expected YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, '不是有效日期 / not a calendar date');

export const entityText = z.string().trim().min(1).max(200);

/** A fraction of 1: 0.25 is 25%. */
export const threshold = z.coerce.number().gt(0).max(1).default(0.25);

export const rules = z.enum(ruleSetNames).default('cn-2024');

/** Caps of the graph search; reaching one is reported in limitsHit, never silently. */
export const limitParams = {
  /** Most holding steps followed from the firm or person. */
  maxDepth: z.coerce.number().int().min(1).max(30).default(10),
  /** Most entities taken into the search. */
  maxNodes: z.coerce.number().int().min(2).max(100_000).default(5000),
  /** Most relationships followed from one entity (the hub cap), largest holdings first. */
  fanOut: z.coerce.number().int().min(1).max(10_000).default(500),
  /** Wall-clock budget of the search in milliseconds; the hop under way is finished. */
  timeoutMs: z.coerce.number().int().min(0).max(600_000).default(10_000),
};

export type Limits = { maxDepth: number; maxNodes: number; fanOut: number; timeoutMs: number };

/**
 * A GB/T 2260 division code (province, city or district). Required in the schema: the registry
 * fills in the configured default (CHUANTOU_JURISDICTION) before parsing, so the envelope's
 * params always say which jurisdiction was meant.
 */
export const jurisdiction = z
  .string()
  .trim()
  .regex(/^\d{6}$/, '应为 6 位行政区划代码 / expected a 6-digit division code')
  .refine((code) => resolveDivision(code) !== null, '未知的行政区划代码 / unknown division code');

/** Flagged-firm list types: comma-separated on the command line, a list in the API. */
export const stringList = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(/[,，;；]/).map((s) => s.trim()).filter(Boolean) : v),
  z.array(z.string().trim().min(1).max(200)).max(10_000),
);
