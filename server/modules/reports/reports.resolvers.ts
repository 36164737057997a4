import { z } from 'zod';
import { getAnalysis } from '../../../analyses/index.ts';
import { isWithin } from '../../../model/divisions.ts';
import { ReportError } from '../../../reports/errors.ts';
import type { Reader, ReportSettings, Runner } from '../../../reports/canonical.ts';
import { createSavedQuery, deleteSavedQuery, getSavedQuery, listSavedQueries, savedQueryFilter, shareSavedQuery, updateSavedQuery, type SavedQueryInput } from '../../../reports/savedQueries.ts';
import { listReportRuns, openReportRun, runSavedQuery } from '../../../reports/runs.ts';
import { diffReportRuns } from '../../../reports/diff.ts';
import { scheduleOf } from '../../../reports/schedule.ts';
import { setSchedule } from '../../../reports/watches.ts';
import { listInbox, markInboxItemRead } from '../../../reports/inbox.ts';
import type { ReportRunSummary, SavedQuery } from '../../../reports/types.ts';
import { roles } from '../../../accounts/roles.ts';
import type { ApiContext } from '../../context.ts';
import { apiError } from '../../errors.ts';
import { parseInput } from '../../input.ts';
import { pageArgs } from '../../pagination.ts';

/** Resolvers of reports.graphql: the reports layer does the work and decides who sees what; these translate. */

const id = z.string().trim().min(1).max(200);
const version = z.number().int().min(0);
const title = z.string().trim().min(1).max(200);
const description = z.string().max(4000);
const analysis = z.string().trim().min(1).max(100);
const params = z.record(z.string(), z.unknown());
const savedQueryInput = z.object({
  title,
  description: description.nullish(),
  analysis,
  params: params.nullish().transform((p) => p ?? {}),
  caseId: id.nullish(),
});
const savedQueryChanges = z.object({
  title: title.nullish(),
  description: description.nullish(),
  analysis: analysis.nullish(),
  params: params.nullish(),
  caseId: id.nullish(),
});
const scheduleInput = z.object({ kind: z.enum(['daily', 'weekly', 'monthly', 'cron']), cron: z.string().max(200).nullish(), timezone: z.string().max(100).nullish() });
const userName = z.string().trim().min(1).max(64);

/** The signed-in user as the reports layer knows them: the directives let only the roles of the schema this far. */
function readerOf(context: ApiContext): Reader {
  if (!context.session) throw apiError('UNAUTHENTICATED');
  return { name: context.session.user.name, role: context.session.user.role };
}

function runnerOf(context: ApiContext): Runner {
  return { ...readerOf(context), via: 'web' };
}

function settingsOf(context: ApiContext): ReportSettings {
  return { ...context.settings, office: context.office ?? null };
}

/**
 * A saved query's parameters as runAnalysis would take them from its owner: the owner's
 * jurisdiction is the default of an analysis that takes one — written into the saved parameters,
 * so that every run (by a colleague it is shared with, by the watch) screens the same area — and
 * where the office enforces jurisdictions one outside the owner's is refused.
 */
function ownerParams(context: ApiContext, analysisName: string, given: Record<string, unknown>): Record<string, unknown> {
  const user = context.session?.user;
  if (!user) return given;
  let takesJurisdiction = false;
  try {
    takesJurisdiction = 'jurisdiction' in getAnalysis(analysisName).parameters;
  } catch {
    return given; // an unknown analysis is named as such by the reports layer
  }
  if (!takesJurisdiction) return given;
  const asked = typeof given.jurisdiction === 'string' ? given.jurisdiction : user.jurisdiction;
  if (context.jurisdictionEnforced && !isWithin(asked, user.jurisdiction)) throw apiError('OUTSIDE_JURISDICTION', `${asked} ∉ ${user.jurisdiction}`);
  return given.jurisdiction === undefined ? { ...given, jurisdiction: asked } : given;
}

function plainObject(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** A report error as the API's: NOT_FOUND, EDIT_CONFLICT with who changed it, BAD_INPUT naming the field, FORBIDDEN, REPORT_TAMPERED. */
export function reportApiError(error: unknown): unknown {
  if (!(error instanceof ReportError)) return error;
  const detail = plainObject(error.detail);
  switch (error.code) {
    case 'NOT_FOUND':
      return apiError('NOT_FOUND', error.message);
    case 'EDIT_CONFLICT':
      return apiError('EDIT_CONFLICT', error.message, detail);
    case 'FORBIDDEN':
      return apiError('FORBIDDEN', error.message);
    case 'REPORT_TAMPERED':
      return apiError('REPORT_TAMPERED', error.message, detail);
    case 'BAD_INPUT': {
      const field = typeof detail.field === 'string' ? detail.field : '';
      return apiError('BAD_INPUT', error.message, { ...detail, fields: Array.isArray(detail.fields) ? detail.fields : [{ field, message: error.message }] });
    }
  }
  return error;
}

/** Runs the reports layer's work, its refusals translated; the saved query or run it is about goes to the audit entry. */
async function reportCall<T>(context: ApiContext, about: string | null, work: () => Promise<T>): Promise<T> {
  if (about) context.auditNote.detail = about;
  try {
    return await work();
  } catch (error) {
    // The note takes the place of the error codes the audit plugin would record: keep the code in it.
    if (context.auditNote.detail && error instanceof ReportError) context.auditNote.detail = `${context.auditNote.detail}: ${error.code}`;
    throw reportApiError(error);
  }
}

const pageOnly = (args: Record<string, unknown>) => parseInput(pageArgs, { first: args.first ?? undefined, after: args.after ?? undefined });
const asPage = <T>(page: { nodes: T[]; hasNextPage: boolean; endCursor: string | null }) => ({ nodes: page.nodes, pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor } });
const queryNote = (queryId: string) => `报告查询 / saved query ${queryId}`;
const runNote = (runId: string) => `报告 / report run ${runId}`;

const roleEnum = z.enum(roles);

export const reportsResolvers = {
  ScheduleKind: { DAILY: 'daily', WEEKLY: 'weekly', MONTHLY: 'monthly', CRON: 'cron' },
  RunTrigger: { MANUAL: 'manual', CLI: 'cli', SCHEDULE: 'schedule' },
  ReportRun: {
    // A run from a list comes without its document; asked for, it is opened (its hash checked) then.
    document: (run: ReportRunSummary & { document?: unknown }, _: unknown, context: ApiContext) =>
      run.document ?? reportCall(context, null, async () => (await openReportRun(context.graph, readerOf(context), run.id)).document),
  },
  Query: {
    savedQueries: (_: unknown, args: Record<string, unknown>, context: ApiContext) =>
      reportCall(context, null, async () => {
        const filter = parseInput(z.object({ filter: savedQueryFilter }), { filter: args.filter ?? undefined }).filter;
        return asPage(await listSavedQueries(context.graph, readerOf(context), { first: pageOnly(args).first, after: pageOnly(args).after ?? null }, filter));
      }),
    savedQuery: (_: unknown, args: unknown, context: ApiContext) => {
      const a = parseInput(z.object({ id }), args);
      return reportCall(context, queryNote(a.id), () => getSavedQuery(context.graph, readerOf(context), a.id));
    },
    reportRuns: (_: unknown, args: Record<string, unknown>, context: ApiContext) => {
      const a = parseInput(z.object({ queryId: id }), { queryId: args.queryId });
      const page = pageOnly(args);
      return reportCall(context, queryNote(a.queryId), async () => asPage(await listReportRuns(context.graph, readerOf(context), a.queryId, { first: page.first, after: page.after ?? null })));
    },
    reportRun: (_: unknown, args: unknown, context: ApiContext) => {
      const a = parseInput(z.object({ id }), args);
      return reportCall(context, runNote(a.id), async () => {
        const { summary, document } = await openReportRun(context.graph, readerOf(context), a.id);
        return { ...summary, document };
      });
    },
    runDiff: (_: unknown, args: unknown, context: ApiContext) => {
      const a = parseInput(z.object({ fromRunId: id, toRunId: id }), args);
      return reportCall(context, `${runNote(a.fromRunId)} → ${a.toRunId}`, async () => {
        const reader = readerOf(context);
        const before = await openReportRun(context.graph, reader, a.fromRunId);
        const after = await openReportRun(context.graph, reader, a.toRunId);
        if (before.summary.queryId === null || before.summary.queryId !== after.summary.queryId) {
          const message = '只能比较同一查询的两次运行 / only two runs of one saved query can be compared';
          throw apiError('BAD_INPUT', message, { fields: [{ field: 'toRunId', message }] });
        }
        return diffReportRuns(context.graph, { id: before.summary.id, document: before.document }, { id: after.summary.id, document: after.document });
      });
    },
    inbox: (_: unknown, args: Record<string, unknown>, context: ApiContext) => {
      const page = pageOnly(args);
      const { unreadOnly } = parseInput(z.object({ unreadOnly: z.boolean().nullish() }), { unreadOnly: args.unreadOnly });
      return reportCall(context, null, async () => asPage(await listInbox(context.graph, readerOf(context), { first: page.first, after: page.after ?? null }, unreadOnly ?? false)));
    },
  },
  Mutation: {
    saveQuery: async (_: unknown, args: unknown, context: ApiContext) => {
      const { input } = parseInput(z.object({ input: savedQueryInput }), args);
      const params = ownerParams(context, input.analysis, input.params);
      const saved = await reportCall(context, null, () => createSavedQuery(context.graph, readerOf(context), { ...input, params }));
      context.auditNote.detail = queryNote(saved.id);
      return saved;
    },
    updateSavedQuery: (_: unknown, args: unknown, context: ApiContext) => {
      const a = parseInput(z.object({ id, version, input: savedQueryChanges }), args);
      // Null leaves a value as it is; an empty description clears it.
      const changes: Partial<SavedQueryInput> = Object.fromEntries(Object.entries(a.input).filter(([, v]) => v !== null && v !== undefined));
      if (changes.description === '') changes.description = null;
      return reportCall(context, queryNote(a.id), async () => {
        if (changes.params || changes.analysis) {
          const current = await getSavedQuery(context.graph, readerOf(context), a.id);
          changes.params = ownerParams(context, changes.analysis ?? current.analysis, changes.params ?? current.params);
        }
        return updateSavedQuery(context.graph, readerOf(context), a.id, a.version, changes);
      });
    },
    deleteSavedQuery: (_: unknown, args: unknown, context: ApiContext) => {
      const a = parseInput(z.object({ id }), args);
      return reportCall(context, queryNote(a.id), async () => {
        await deleteSavedQuery(context.graph, readerOf(context), a.id);
        return true;
      });
    },
    shareSavedQuery: (_: unknown, args: unknown, context: ApiContext) => {
      const a = parseInput(z.object({ id, roles: z.array(roleEnum).max(roles.length), users: z.array(userName).max(100) }), args);
      const sharing = `共享给 / shared with ${[...a.roles, ...a.users].join(', ') || '(无 / nobody)'}`;
      return reportCall(context, `${queryNote(a.id)}: ${sharing}`, () => shareSavedQuery(context.graph, readerOf(context), a.id, { roles: a.roles, users: a.users }));
    },
    runSavedQuery: (_: unknown, args: unknown, context: ApiContext) => {
      const a = parseInput(z.object({ id }), args);
      return reportCall(context, queryNote(a.id), async () => {
        const run = await runSavedQuery(context.graph, runnerOf(context), a.id, 'manual', settingsOf(context));
        context.auditNote.detail = `${queryNote(a.id)}: ${runNote(run.id)} #${run.number}, ${run.findingCount}`;
        return run;
      });
    },
    scheduleSavedQuery: (_: unknown, args: unknown, context: ApiContext) => {
      const a = parseInput(z.object({ id, version, schedule: scheduleInput.nullish() }), args);
      return reportCall(context, queryNote(a.id), async (): Promise<SavedQuery> => {
        const schedule = a.schedule ? scheduleOf(a.schedule) : null;
        return setSchedule(context.graph, readerOf(context), a.id, a.version, schedule);
      });
    },
    markInboxItemRead: (_: unknown, args: unknown, context: ApiContext) => {
      const a = parseInput(z.object({ id }), args);
      return reportCall(context, null, () => markInboxItemRead(context.graph, readerOf(context), a.id));
    },
  },
};
