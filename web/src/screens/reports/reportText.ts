// The words and addresses of the reports screens that need no component: what a parameter list,
// a change sentence or an export link reads as (tests/web/reportText.test.ts).

import { formatPercent } from '../../format.ts';
import type { Lang } from '../../i18n.ts';

/** The formats of a run a reader downloads from the exports endpoint (server/exports/endpoint.ts), in menu order. */
export const runExportFormats = ['pdf', 'xlsx', 'csv', 'bundle', 'graphml', 'ftm', 'bods'] as const;
export type RunExportFormat = (typeof runExportFormats)[number];

/** The exports endpoint's address of one run in one format; the server names the file (Content-Disposition). */
export function runExportUrl(runId: string, format: RunExportFormat, lang: Lang): string {
  return `/exports/report-runs/${encodeURIComponent(runId)}?format=${format}&lang=${lang}`;
}

/** A parameter value as read in a summary: a threshold or ratio as a percentage, lists joined. */
function paramText(name: string, value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join('、');
  if (typeof value === 'number' && /threshold|ratio/i.test(name) && value > 0 && value <= 1) return formatPercent(value);
  if (value && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** `name: value` pairs of the parameters given, in one line; empty values left out. */
export function paramsSummary(params: unknown): string {
  if (!params || typeof params !== 'object' || Array.isArray(params)) return '';
  return Object.entries(params as Record<string, unknown>)
    .filter(([, value]) => value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0))
    .map(([name, value]) => `${name}: ${paramText(name, value)}`)
    .join(' · ');
}

/** Changes whose figures are shares (fractions of 1) and whose field is the firm's key. */
const shareChanges: ReadonlySet<string> = new Set(['CONTROL_CROSSED_25', 'CONTROL_CROSSED_50']);

/** A change's figure before or after as the diff shows it: a share as a percentage, nothing as '—'. */
export function changeFigure(code: string, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number' && shareChanges.has(code)) return formatPercent(value);
  return String(value);
}

/** The firm a change of share is about, named from the run's own entities; null for other changes. */
export function changeFirm(code: string, field: string | null, names: ReadonlyMap<string, string>): string | null {
  if (!shareChanges.has(code) || !field) return null;
  return names.get(field) ?? null;
}
