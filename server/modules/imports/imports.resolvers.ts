import path from 'node:path';
import { z } from 'zod';
import { builtInMappings, type RecordKind } from '../../../importers/mapping.ts';
import type { ImportSummary } from '../../../importers/importFiles.ts';
import type { ApiContext } from '../../context.ts';
import { apiError } from '../../errors.ts';
import { parseInput } from '../../input.ts';
import { offsetOf, offsetPage, pageArgs } from '../../pagination.ts';
import { uploadIdSchema } from '../../uploads/store.ts';
import { ImportsError, summaryWarnings, type RunView, type UploadInspection } from '../../uploads/imports.ts';

/** Resolvers of imports.graphql: the server's Imports (server/uploads/imports.ts) seen through GraphQL. */

const kinds = builtInMappings.map((m) => m.kind) as [RecordKind, ...RecordKind[]];
const kindArg = z.enum(kinds).nullish();
const mappingArg = z
  .array(z.object({ field: z.string().trim().min(1).max(100), header: z.string().trim().min(1).max(200) }))
  .max(100)
  .nullish();
const runIdArg = z.string().regex(/^run-[0-9A-Za-z-]{1,80}$/, '不是导入批次编号 / not an import run id');
const reasonArg = z.string().trim().min(2, '请写明事由 / give the reason').max(500);

const uploadArgs = z.object({ id: uploadIdSchema, kind: kindArg });
const runArgs = z.object({ id: runIdArg });
const startArgs = z.object({ uploadId: uploadIdSchema, kind: kindArg, mapping: mappingArg, reason: reasonArg });
const resumeArgs = z.object({ runId: runIdArg });
const retractArgs = z.object({ runId: runIdArg, reason: reasonArg });

/** The importers' refusals as the API's: a missing upload or run is NOT_FOUND, a busy server IMPORT_BUSY, the rest BAD_INPUT naming why. */
function importsApiError(error: unknown): unknown {
  if (!(error instanceof ImportsError)) return error;
  if (error.code === 'NOT_FOUND') return apiError('NOT_FOUND', error.message);
  if (error.code === 'IMPORT_BUSY') return apiError('IMPORT_BUSY', error.message);
  return apiError('BAD_INPUT', error.message, { reason: error.code });
}

async function mapped<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw importsApiError(error);
  }
}

function uploadView(inspection: UploadInspection) {
  return { ...inspection.upload, format: inspection.format, encoding: inspection.encoding, tables: inspection.tables, problem: inspection.problem };
}

function summaryView(summary: ImportSummary) {
  const total = (key: 'read' | 'written' | 'rejected' | 'flagged') => summary.files.reduce((n, f) => n + (f[key] ?? 0), 0);
  return {
    files: summary.files.map((f) => ({ ...f, fileName: path.basename(f.file), kind: String(f.kind) })),
    rowsRead: total('read'),
    rowsWritten: total('written'),
    rowsRejected: total('rejected'),
    rowsFlagged: total('flagged'),
    warnings: summaryWarnings(summary),
    proposedSamePersons: summary.proposedSamePersons ?? 0,
    seconds: summary.seconds ?? 0,
  };
}

function runView(run: RunView) {
  return {
    ...run,
    summary: run.summary ? summaryView(run.summary) : null,
    rejectsUrl: run.hasRejects ? `/import-runs/${run.id}/rejects.csv` : null,
  };
}

async function runOrThrow(context: ApiContext, runId: string) {
  const run = await context.imports.run(runId);
  if (!run) throw apiError('NOT_FOUND', `找不到导入批次 / no import run ${runId}`);
  return runView(run);
}

function actorOf(context: ApiContext) {
  const user = context.session!.user;
  return { name: user.name, via: 'web' as const, role: user.role };
}

export const importsResolvers = {
  ImportRun: {
    rejects: async (run: { id: string; rejectsUrl: string | null }, args: unknown, context: ApiContext) => {
      const { first, after } = parseInput(pageArgs, args);
      const offset = offsetOf(after);
      const entries = run.rejectsUrl ? await context.imports.rejectsEntries(run.id, offset, first + 1) : [];
      return offsetPage(entries, first, offset);
    },
  },
  Query: {
    upload: async (_: unknown, args: unknown, context: ApiContext) => {
      const { id, kind } = parseInput(uploadArgs, args);
      const inspection = await context.imports.inspect(id, { kind: kind ?? undefined });
      return inspection && uploadView(inspection);
    },
    importRun: async (_: unknown, args: unknown, context: ApiContext) => {
      const { id } = parseInput(runArgs, args);
      const run = await context.imports.run(id);
      return run && runView(run);
    },
    importRuns: async (_: unknown, args: unknown, context: ApiContext) => {
      const { first, after } = parseInput(pageArgs, args);
      const offset = offsetOf(after);
      const runs = await context.imports.runs(offset, first + 1);
      return offsetPage(runs.map(runView), first, offset);
    },
  },
  Mutation: {
    startImport: async (_: unknown, args: unknown, context: ApiContext) => {
      const { uploadId, kind, mapping } = parseInput(startArgs, args);
      const user = context.session!.user.name;
      const runId = await mapped(() => context.imports.start({ uploadId, kind: kind ?? undefined, mapping: mapping ?? undefined, user, actor: actorOf(context) }));
      return runOrThrow(context, runId);
    },
    resumeImport: async (_: unknown, args: unknown, context: ApiContext) => {
      const { runId } = parseInput(resumeArgs, args);
      await mapped(() => context.imports.resume(runId, { user: context.session!.user.name, actor: actorOf(context) }));
      return runOrThrow(context, runId);
    },
    retractImport: async (_: unknown, args: unknown, context: ApiContext) => {
      const { runId } = parseInput(retractArgs, args);
      const { redecided } = await mapped(() => context.imports.retract(runId, context.session!.user.name));
      return { run: await runOrThrow(context, runId), redecided };
    },
  },
};
