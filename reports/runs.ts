import crypto from 'node:crypto';
import { z } from 'zod';
import { getAnalysis } from '../analyses/index.ts';
import type { Envelope } from '../analyses/envelope.ts';
import type { Graph, GraphReader } from '../cypher/run.ts';
import { dateTimeParam, int, toPlain } from '../cypher/values.ts';
import { reportDocument, type ReportDocument, type RunTrigger } from '../exporters/document.ts';
import { canonicalJson, sha256Hex, type Reader, type ReportSettings, type Runner } from './canonical.ts';
import { buildReportDocument, readDataSources } from './document.ts';
import { ReportError } from './errors.ts';
import { checkFirst, decodeCursor, pageOf, type PageRequest, type ReportPage } from './pages.ts';
import { checked, checkParams, nameKeyOf, ownerRoles, readerParams, runSummaryOf, visibleSavedQuery, type SavedQueryInput, type StoredRunSummary } from './savedQueries.ts';
import type { ReportRunSummary } from './types.ts';

export type { Reader, ReportSettings, Runner } from './canonical.ts';

/**
 * Report runs: an analysis run kept as it was, never edited. A run stores its report document
 * (reports/document.ts) as canonical JSON with the SHA-256 of that text, and beside it the summary
 * a list shows. Opening a run reads the document back through its schema and checks the text
 * against the hash and the summary against the document: a run opens exactly as it was made,
 * whatever changed in the graph since, or is refused as REPORT_TAMPERED.
 *
 * The analysis and the data sources it ran on (model version, import runs, entity counts) are read
 * in one read transaction, so the document describes the graph the findings came from. The run is
 * numbered and stored in one write transaction under the saved query's lock.
 */

/** The run's time as the store gives date-times back (cypher/values.ts), so the document and the summary read alike. */
function storedTime(at: Date): string {
  return toPlain(dateTimeParam(at.toISOString())) as string;
}

/** Runs the analysis and reads the data sources in one read transaction. */
async function analyse(graph: Graph, analysis: string, params: Record<string, unknown>) {
  const definition = getAnalysis(analysis);
  return graph.reading(async (reader) => {
    const envelope: Envelope = await definition.run(reader, params);
    const data = await readDataSources(reader);
    return { envelope, data };
  });
}

interface RunPlan {
  query: { id: string | null; title: string; description: string | null; analysis: string };
  params: Record<string, unknown>;
  runner: Runner;
  trigger: RunTrigger;
  settings: ReportSettings;
}

async function makeRun(graph: Graph, plan: RunPlan, numberAndOwner: (run: (name: string, params: Record<string, unknown>) => Promise<Record<string, unknown>[]>) => Promise<{ number: number; ownerKey: string }>): Promise<ReportRunSummary> {
  const ranAt = storedTime(new Date());
  const { envelope, data } = await analyse(graph, plan.query.analysis, plan.params);
  const id = crypto.randomUUID();
  return graph.inWriteTransaction(async (run) => {
    const { number, ownerKey } = await numberAndOwner(run);
    const document = buildReportDocument({
      query: { ...plan.query, analysisTitle: getAnalysis(plan.query.analysis).title },
      run: { id, number, ranAt, ranBy: plan.runner.name, trigger: plan.trigger, office: plan.settings.office },
      envelope,
      data,
    });
    const content = canonicalJson(document);
    const [row] = await run('reports/createReportRun', {
      id,
      queryId: plan.query.id,
      number: int(number),
      ranAt: dateTimeParam(ranAt),
      ranBy: plan.runner.name,
      ranByKey: nameKeyOf(plan.runner.name),
      ownerKey,
      trigger: plan.trigger,
      analysis: plan.query.analysis,
      title: plan.query.title,
      findingCount: int(envelope.findings.length),
      exhaustive: envelope.exhaustive,
      contentHash: sha256Hex(content),
      content,
    });
    return runSummaryOf((row as { run: StoredRunSummary }).run);
  });
}

/**
 * Runs a saved query as it stands, its parameters checked again (BAD_INPUT naming the field) and
 * resolved with the deployment's settings. Anyone who may see the query and works on case data
 * may run it; the scheduler (`via: 'system'`) runs watches on their owners' behalf.
 */
export async function runSavedQuery(graph: Graph, runner: Runner, queryId: string, trigger: RunTrigger, settings: ReportSettings): Promise<ReportRunSummary> {
  const query = runner.via === 'system' ? await scheduledQuery(graph, queryId) : (await visibleSavedQuery(graph, runner, queryId)).query;
  if (runner.via !== 'system' && !ownerRoles.includes(runner.role)) throw new ReportError('FORBIDDEN', '查看人员只阅读共享的报告 / viewers read shared reports, they do not run them');
  const params = checkParams(query.analysis, query.params, settings);
  return makeRun(graph, { query: { id: query.id, title: query.title, description: query.description, analysis: query.analysis }, params, runner, trigger, settings }, async (run) => {
    const [row] = (await run('reports/nextRunNumber', { id: queryId })) as { number: number; ownerKey: string }[];
    // Deleted while the analysis ran.
    if (!row) throw new ReportError('NOT_FOUND');
    return row;
  });
}

/** A saved query for the scheduler, whoever owns it (it is read as its owner would). */
async function scheduledQuery(graph: Graph, queryId: string) {
  const [row] = await graph.read<{ owner: string | null; role: string | null }>('reports/savedQueryOwner', { id: queryId });
  if (!row?.owner || !row.role) throw new ReportError('NOT_FOUND');
  return (await visibleSavedQuery(graph, { name: row.owner, role: row.role as Reader['role'] }, queryId)).query;
}

/** Runs an unsaved query (the CLI's `report run <analysis>`): its run is the runner's own, number 1. */
export async function runAdHocReport(graph: Graph, runner: Runner, input: SavedQueryInput, trigger: RunTrigger, settings: ReportSettings): Promise<ReportRunSummary> {
  if (!ownerRoles.includes(runner.role)) throw new ReportError('FORBIDDEN', '只有侦查员和监管人员运行报告 / only investigators and regulators run reports');
  const given = checked(
    z.object({ title: z.string().trim().min(1, '标题不能为空 / a title is required').max(200), description: z.string().trim().max(5000).nullish(), analysis: z.string().trim().min(1), params: z.record(z.string(), z.unknown()).default({}) }),
    input,
  );
  const params = checkParams(given.analysis, given.params, settings);
  return makeRun(graph, { query: { id: null, title: given.title, description: given.description || null, analysis: given.analysis }, params, runner, trigger, settings }, async () => ({
    number: 1,
    ownerKey: nameKeyOf(runner.name),
  }));
}

const runPosition = z.object({ number: z.number().int().min(1) });

/** The runs of a saved query the reader may see, newest first; NOT_FOUND when the query is not theirs to see. */
export async function listReportRuns(graph: GraphReader, reader: Reader, queryId: string, page: PageRequest): Promise<ReportPage<ReportRunSummary>> {
  const first = checkFirst(page.first);
  const after = decodeCursor(page.after, runPosition);
  await visibleSavedQuery(graph, reader, queryId);
  const rows = await graph.read<{ run: StoredRunSummary }>('reports/reportRuns', { queryId, ...readerParams(reader), afterNumber: after ? int(after.number) : null, limit: int(first + 1) });
  return pageOf(
    rows.map((r) => runSummaryOf(r.run)),
    first,
    (r) => ({ number: r.number }),
  );
}

/**
 * The stored document, checked: the text must hash to the hash recorded with it, be the canonical
 * JSON of a valid report document, and agree with the summary stored beside it.
 */
function storedDocument(summary: ReportRunSummary, content: string | null): ReportDocument {
  const tampered = (what: string) => new ReportError('REPORT_TAMPERED', `${summary.id}: ${what}`, { runId: summary.id, expected: summary.contentHash });
  if (typeof content !== 'string') throw tampered('内容缺失 / the content is missing');
  const found = sha256Hex(content);
  if (found !== summary.contentHash) throw new ReportError('REPORT_TAMPERED', summary.id, { runId: summary.id, expected: summary.contentHash, found });
  let document: ReportDocument;
  try {
    document = reportDocument.parse(JSON.parse(content));
  } catch {
    throw tampered('内容不是有效的报告文档 / the content is not a valid report document');
  }
  if (canonicalJson(document) !== content) throw tampered('内容不是规范 JSON / the content is not canonical JSON');
  const agrees =
    document.run.id === summary.id &&
    document.query.id === summary.queryId &&
    document.run.number === summary.number &&
    document.run.ranAt === summary.ranAt &&
    document.run.ranBy === summary.ranBy &&
    document.run.trigger === summary.trigger &&
    document.envelope.findings.length === summary.findingCount &&
    document.envelope.exhaustive === summary.exhaustive;
  if (!agrees) throw tampered('摘要与内容不符 / the summary does not match the content');
  return document;
}

/** A run as it was made, for a reader who may see it; REPORT_TAMPERED when the stored content changed. */
export async function openReportRun(graph: GraphReader, reader: Reader, runId: string): Promise<{ summary: ReportRunSummary; document: ReportDocument }> {
  const [row] = await graph.read<{ run: StoredRunSummary; content: string | null }>('reports/reportRun', { id: runId, ...readerParams(reader) });
  if (!row) throw new ReportError('NOT_FOUND');
  const summary = runSummaryOf(row.run);
  return { summary, document: storedDocument(summary, row.content) };
}

/** The run of a query before `beforeNumber` (what a watch compares its new run with); no access check: the scheduler's. */
export async function previousReportRun(graph: GraphReader, queryId: string, beforeNumber: number): Promise<{ summary: ReportRunSummary; document: ReportDocument } | null> {
  const [row] = await graph.read<{ run: StoredRunSummary; content: string | null }>('reports/previousReportRun', { queryId, beforeNumber: int(beforeNumber) });
  if (!row) return null;
  const summary = runSummaryOf(row.run);
  return { summary, document: storedDocument(summary, row.content) };
}
