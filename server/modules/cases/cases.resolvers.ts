import { z, ZodError } from 'zod';
import {
  CaseError,
  Cases,
  canvasContent,
  caseChanges,
  canvasTitle,
  listPosition,
  newCase,
  newCaseRelation,
  noteText,
  reportRunId,
  reportRunTitle,
  version,
  type CanvasSummary,
  type CaseView,
} from '../../../cases/cases.ts';
import type { ApiContext } from '../../context.ts';
import { apiError } from '../../errors.ts';
import { parseInput } from '../../input.ts';
import { decodeCursor, pageArgs, pageOf } from '../../pagination.ts';

/** Resolvers of cases.graphql: the cases layer does the work and checks who may see what; these translate. */

const id = z.string().trim().min(1).max(100);
const userName = z.string().trim().min(1).max(64);
const keys = z.array(z.string().trim().min(1).max(300)).max(50).nullish();

/** The signed-in user's account name: the directives let only investigators and regulators this far. */
function userOf(context: ApiContext): string {
  if (!context.session) throw apiError('UNAUTHENTICATED');
  return context.session.user.name;
}

function casesOf(context: ApiContext): Cases {
  return new Cases(context.graph);
}

/** Case errors as the API's: NOT_FOUND, EDIT_CONFLICT with who changed it, BAD_INPUT naming the field. */
async function caseCall<T>(context: ApiContext, caseId: string | null, work: () => Promise<T>): Promise<T> {
  if (caseId) context.auditNote.detail = `专案 / case ${caseId}`;
  try {
    return await work();
  } catch (error) {
    // The note takes the place of the error codes the audit plugin would record: keep the code in it.
    const code = error instanceof CaseError ? error.code : error instanceof ZodError ? 'BAD_INPUT' : null;
    if (context.auditNote.detail && code) context.auditNote.detail = `${context.auditNote.detail}: ${code}`;
    if (error instanceof CaseError) {
      if (error.code === 'NOT_FOUND') throw apiError('NOT_FOUND', error.message);
      if (error.code === 'EDIT_CONFLICT') throw apiError('EDIT_CONFLICT', error.detail ?? undefined, { ...error.conflict });
      const fields = [{ field: error.field ?? '', message: error.message }];
      throw apiError('BAD_INPUT', error.message, { reason: error.code, fields });
    }
    if (error instanceof ZodError) {
      const fields = error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
      throw apiError('BAD_INPUT', fields.map((f) => (f.field ? `${f.field}: ${f.message}` : f.message)).join('; '), { fields });
    }
    throw error;
  }
}

/** A page of a list ordered by (time or number, id): fetch one more than asked; the cursor holds the last item's place. */
async function listPage<T>(args: unknown, fetch: (request: { limit: number; after: z.infer<typeof listPosition> | null }) => Promise<T[]>, placeOf: (item: T) => { at: string | number; id: string }) {
  const { first, after } = parseInput(pageArgs, args);
  const position = decodeCursor(after, listPosition);
  const rows = await fetch({ limit: first + 1, after: position });
  return pageOf(rows, first, (item) => {
    const place = placeOf(item);
    return { at: typeof place.at === 'number' ? place.at : Date.parse(place.at), id: place.id };
  });
}

const pageOnly = (args: Record<string, unknown>) => ({ first: args.first ?? undefined, after: args.after ?? undefined });

/** The relations of a case touching any of the keys (merged persons followed): what 查关系 lists beside its answer when given a case. */
export function caseRelationsTouching(context: ApiContext, caseId: unknown, keys: string[]) {
  const checked = parseInput(id, caseId);
  return caseCall(context, checked, () => casesOf(context).relations(userOf(context), checked, { limit: 200, after: null }, keys));
}

const informationByEnum = { KNOWN_TRUE: '1', KNOWN_TO_SOURCE: '2', CORROBORATED: '3', UNCORROBORATED: '4' } as const;

export const casesResolvers = {
  InformationAssessment: informationByEnum,
  Case: {
    canvases: (c: CaseView, args: Record<string, unknown>, context: ApiContext) =>
      caseCall(context, null, () =>
        listPage(
          pageOnly(args),
          async (request) => (await casesOf(context).canvases(userOf(context), c.id, request)).map((v) => ({ ...v, caseId: c.id })),
          (v) => ({ at: v.createdAt, id: v.id }),
        ),
      ),
    notes: (c: CaseView, args: Record<string, unknown>, context: ApiContext) =>
      caseCall(context, null, () => listPage(pageOnly(args), (request) => casesOf(context).notes(userOf(context), c.id, request), (n) => ({ at: n.number, id: n.id }))),
    relations: (c: CaseView, args: Record<string, unknown>, context: ApiContext) =>
      caseCall(context, null, () => {
        const wanted = parseInput(z.object({ keys }), { keys: args.keys });
        return listPage(
          pageOnly(args),
          (request) => casesOf(context).relations(userOf(context), c.id, request, wanted.keys ?? null),
          (r) => ({ at: r.createdAt, id: r.id }),
        );
      }),
    reportRuns: (c: CaseView, args: Record<string, unknown>, context: ApiContext) =>
      caseCall(context, null, () =>
        listPage(pageOnly(args), (request) => casesOf(context).reportRuns(userOf(context), c.id, request), (l) => ({ at: l.linkedAt, id: l.runId })),
      ),
  },
  CaseCanvas: {
    // A canvas from a list comes without its content; asked for, it is read (and its keys followed) then.
    content: (v: CanvasSummary & { caseId?: string; content?: unknown }, _: unknown, context: ApiContext) =>
      v.content ?? caseCall(context, null, async () => (await casesOf(context).canvas(userOf(context), v.caseId!, v.id)).content),
  },
  Query: {
    cases: (_: unknown, args: Record<string, unknown>, context: ApiContext) =>
      caseCall(context, null, () => listPage(args, (request) => casesOf(context).list(userOf(context), request), (c) => ({ at: c.createdAt, id: c.id }))),
    case: (_: unknown, args: { id: unknown }, context: ApiContext) => {
      const caseId = parseInput(id, args.id);
      return caseCall(context, caseId, () => casesOf(context).get(userOf(context), caseId));
    },
    caseCanvas: (_: unknown, args: { caseId: unknown; canvasId: unknown }, context: ApiContext) => {
      const { caseId, canvasId } = parseInput(z.object({ caseId: id, canvasId: id }), args);
      return caseCall(context, caseId, () => casesOf(context).canvas(userOf(context), caseId, canvasId));
    },
  },
  Mutation: {
    createCase: async (_: unknown, args: { input: unknown }, context: ApiContext) => {
      const { input } = parseInput(z.object({ input: newCase }), args);
      const created = await caseCall(context, null, () => casesOf(context).create(userOf(context), input));
      context.auditNote.detail = `专案 / case ${created.id}`;
      return created;
    },
    updateCase: (_: unknown, args: unknown, context: ApiContext) => {
      const a = parseInput(z.object({ id, expectedVersion: version, changes: caseChanges }), args);
      return caseCall(context, a.id, () => casesOf(context).update(userOf(context), a.id, a.expectedVersion, a.changes));
    },
    deleteCase: (_: unknown, args: unknown, context: ApiContext) => {
      const a = parseInput(z.object({ id }), args);
      return caseCall(context, a.id, async () => {
        await casesOf(context).delete(userOf(context), a.id);
        return true;
      });
    },
    shareCase: (_: unknown, args: unknown, context: ApiContext) => {
      const a = parseInput(z.object({ id, userName }), args);
      return caseCall(context, a.id, async () => {
        const shared = await casesOf(context).share(userOf(context), a.id, a.userName);
        context.auditNote.detail = `专案 / case ${a.id}: 共享给 / shared with ${a.userName}`;
        return shared;
      });
    },
    unshareCase: (_: unknown, args: unknown, context: ApiContext) => {
      const a = parseInput(z.object({ id, userName }), args);
      return caseCall(context, a.id, async () => {
        const unshared = await casesOf(context).unshare(userOf(context), a.id, a.userName);
        context.auditNote.detail = `专案 / case ${a.id}: 取消共享 / unshared from ${a.userName}`;
        return unshared;
      });
    },
    createCaseCanvas: (_: unknown, args: unknown, context: ApiContext) => {
      const a = parseInput(z.object({ caseId: id, title: canvasTitle, content: canvasContent }), args);
      return caseCall(context, a.caseId, async () => ({ ...(await casesOf(context).createCanvas(userOf(context), a.caseId, a.title, a.content)), caseId: a.caseId }));
    },
    saveCaseCanvas: (_: unknown, args: unknown, context: ApiContext) => {
      const a = parseInput(z.object({ caseId: id, canvasId: id, expectedVersion: version, content: canvasContent, title: canvasTitle.nullish() }), args);
      return caseCall(context, a.caseId, async () => ({
        ...(await casesOf(context).saveCanvas(userOf(context), a.caseId, a.canvasId, a.expectedVersion, a.content, a.title)),
        caseId: a.caseId,
      }));
    },
    deleteCaseCanvas: (_: unknown, args: unknown, context: ApiContext) => {
      const a = parseInput(z.object({ caseId: id, canvasId: id, expectedVersion: version }), args);
      return caseCall(context, a.caseId, async () => {
        await casesOf(context).deleteCanvas(userOf(context), a.caseId, a.canvasId, a.expectedVersion);
        return true;
      });
    },
    addCaseNote: (_: unknown, args: unknown, context: ApiContext) => {
      const a = parseInput(z.object({ caseId: id, text: noteText }), args);
      return caseCall(context, a.caseId, () => casesOf(context).addNote(userOf(context), a.caseId, a.text));
    },
    addCaseRelation: (_: unknown, args: unknown, context: ApiContext) => {
      const a = parseInput(z.object({ caseId: id, relation: newCaseRelation }), args);
      return caseCall(context, a.caseId, () => casesOf(context).addRelation(userOf(context), a.caseId, a.relation));
    },
    deleteCaseRelation: (_: unknown, args: unknown, context: ApiContext) => {
      const a = parseInput(z.object({ caseId: id, relationId: id }), args);
      return caseCall(context, a.caseId, async () => {
        await casesOf(context).deleteRelation(userOf(context), a.caseId, a.relationId);
        return true;
      });
    },
    linkCaseReportRun: (_: unknown, args: unknown, context: ApiContext) => {
      const a = parseInput(z.object({ caseId: id, runId: reportRunId, title: reportRunTitle }), args);
      return caseCall(context, a.caseId, () => casesOf(context).linkReportRun(userOf(context), a.caseId, a.runId, a.title));
    },
    unlinkCaseReportRun: (_: unknown, args: unknown, context: ApiContext) => {
      const a = parseInput(z.object({ caseId: id, runId: reportRunId }), args);
      return caseCall(context, a.caseId, async () => {
        await casesOf(context).unlinkReportRun(userOf(context), a.caseId, a.runId);
        return true;
      });
    },
  },
};
