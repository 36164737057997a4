import { z } from 'zod';
import { envelope, subgraph } from '../analyses/envelope.ts';

/**
 * A report document: one report run, self-contained — what every export (table, printable report,
 * evidence bundle, GraphML, FtM, BODS) is written from, and what `reports/` stores, never edited,
 * with the SHA-256 of its canonical JSON (RFC 8785). Everything a reader needs to judge the
 * findings travels with them: who ran what, when, with which parameters as resolved, on which
 * data (the import runs present and their counts) and which vocabulary versions.
 *
 * Read back from the store through `reportDocument.parse`: stored JSON is a boundary too.
 */

export const REPORT_DOCUMENT_FORMAT = 'chuantou.report/1';

export const runTriggers = ['manual', 'cli', 'schedule'] as const;
export type RunTrigger = (typeof runTriggers)[number];

const vocabularyUse = z.object({ version: z.number(), source: z.enum(['database', 'shipped']) });

/** An import run whose data the report ran on. */
export const importRunSource = z.object({
  id: z.string(),
  /** What was imported: registrations, shareholders, lists, bods … */
  kind: z.string(),
  file: z.string(),
  sha256: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** Rows read, written and rejected as the run recorded them. */
  counts: z.record(z.string(), z.number()),
});
export type ImportRunSource = z.infer<typeof importRunSource>;

export const reportDocument = z.object({
  format: z.literal(REPORT_DOCUMENT_FORMAT),
  query: z.object({
    /** The saved query's id; null for a run of an unsaved query (the CLI's `report run` without one). */
    id: z.string().nullable(),
    title: z.string(),
    description: z.string().nullable(),
    analysis: z.string(),
    analysisTitle: z.object({ zh: z.string(), en: z.string() }),
  }),
  run: z.object({
    id: z.string(),
    /** 1 for a query's first run. */
    number: z.number().int(),
    ranAt: z.string(),
    /** Account name, or "cli:<os user>"; a watch runs as its owner (trigger "schedule"). */
    ranBy: z.string(),
    trigger: z.enum(runTriggers),
    /** The office the deployment names (CHUANTOU_OFFICE), for the cover page. */
    office: z.string().nullable(),
  }),
  /** The parameters as resolved: defaults filled in, the jurisdiction and list types as used. */
  params: z.record(z.string(), z.unknown()),
  vocabularies: z.object({ listTypes: vocabularyUse.nullable(), keywordLists: vocabularyUse.nullable() }),
  data: z.object({
    modelVersion: z.number().int(),
    importRuns: z.array(importRunSource),
    /** Entities in the graph when the report ran, by kind (COMPANY, PERSON …). */
    counts: z.record(z.string(), z.number()),
  }),
  envelope,
  /** Every entity and relationship of the findings' evidence, once: the report's network picture. */
  network: subgraph,
});
export type ReportDocument = z.infer<typeof reportDocument>;

/** The file formats a report run is exported as. */
export const exportFormats = ['csv', 'xlsx', 'html', 'pdf', 'svg', 'graphml', 'ftm', 'bods', 'json', 'bundle'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** Language of the words around the data (titles, headers, method text); the data stays as imported. */
export type ReportLocale = 'zh' | 'en';

/** Who exports, when, in which language: printed on every page (watermark) and in the bundle's manifest. */
export interface ExportStamp {
  locale: ReportLocale;
  /** Account name, or "cli:<os user>". */
  exportedBy: string;
  exportedAt: string;
}
