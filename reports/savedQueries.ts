import crypto from 'node:crypto';
import { z } from 'zod';
import { roles, type Role } from '../accounts/roles.ts';
import { analyses, type AnalysisSettings } from '../analyses/index.ts';
import { Cases, CaseError } from '../cases/cases.ts';
import type { Graph, GraphReader } from '../cypher/run.ts';
import { dateTimeParam, int } from '../cypher/values.ts';
import type { Reader } from './canonical.ts';
import { badInput, ReportError, type FieldProblem } from './errors.ts';
import { checkFirst, decodeCursor, pageOf, type PageRequest, type ReportPage } from './pages.ts';
import type { ReportRunSummary, ReportUser, SavedQuery, Schedule } from './types.ts';

export type { Reader, ReportSettings, Runner } from './canonical.ts';

/**
 * Saved queries: an analysis with its parameters, a title and a description, owned by one user
 * and shared with roles or named users (cypher/reports/). Every query that reads one checks the
 * reader may see it — the owner, a user named, a user of a role named — so no caller can forget
 * to; anyone else is told NOT_FOUND, as for a query that never was. Only the owner changes,
 * shares or deletes; a change names the version it was made on, and one made on a stale version
 * is refused with who changed it since (EDIT_CONFLICT), checked and written in one Cypher write
 * under the node's lock.
 *
 * Parameters are checked with the analysis's own zod schema when saved and again when run (a
 * schema may have changed since); they are stored as given, and each run records them as resolved.
 */

/** Who may own a saved query (and run one): the roles that work on case data. */
export const ownerRoles: readonly Role[] = ['investigator', 'regulator'];
/** Who may be shared one: viewers read the reports shared with them; sysadmins and auditors see no case data. */
export const readerRoles: readonly Role[] = ['investigator', 'regulator', 'viewer'];

export interface SavedQueryInput {
  title: string;
  description?: string | null;
  analysis: string;
  params: Record<string, unknown>;
  caseId?: string | null;
}

const title = z.string().trim().min(1, '标题不能为空 / a title is required').max(200, '标题过长 / the title is too long');
const description = z.string().trim().max(5000, '说明过长 / the description is too long');
const caseId = z.string().trim().min(1).max(200);
const params = z.record(z.string(), z.unknown());
const analysisName = z.string().trim().min(1, '须指明分析 / an analysis is required');

const savedQueryInput = z.object({
  title,
  description: description.nullish().transform((v) => v || null),
  analysis: analysisName,
  params: params.default({}),
  caseId: caseId.nullish().transform((v) => v ?? null),
});
const savedQueryChanges = z.object({
  title: title.optional(),
  description: description.nullish(),
  analysis: analysisName.optional(),
  params: params.optional(),
  caseId: caseId.nullish(),
});
const version = z.number().int().min(1);
const sharing = z.object({
  roles: z.array(z.enum(roles)).max(roles.length),
  users: z.array(z.string().trim().min(1).max(200)).max(500),
});

export const nameKeyOf = (userName: string) => userName.normalize('NFKC').trim().toLowerCase();

/** The reader's name key and role, and the roles that may read reports, as every visibility check in cypher/reports/ takes them. */
export function readerParams(reader: Reader) {
  return { user: nameKeyOf(reader.name), role: reader.role, readerRoles: [...readerRoles] };
}

export function checked<T>(schema: z.ZodType<T>, value: unknown, prefix = ''): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw badInput(parsed.error.issues.map((i) => ({ field: [prefix, ...i.path.map(String)].filter(Boolean).join('.'), message: i.message })));
}

/**
 * The parameters checked with the analysis's zod schema, defaults filled in, as a run uses them;
 * BAD_INPUT names each parameter at fault (`params.minFirms`) and any the analysis does not take.
 * Without settings (when a query is saved) a missing jurisdiction is left to the run, which
 * fills in the configured one.
 */
export function checkParams(analysis: string, given: Record<string, unknown>, settings: AnalysisSettings | null): Record<string, unknown> {
  const definition = analyses[analysis];
  if (!definition) {
    throw badInput([{ field: 'analysis', message: `没有名为“${analysis}”的分析 / no analysis "${analysis}"; ${Object.keys(analyses).join(', ')}` }]);
  }
  const takesJurisdiction = 'jurisdiction' in definition.parameters;
  const jurisdictionLeftToRun = takesJurisdiction && given.jurisdiction === undefined;
  const withDefaults = settings && jurisdictionLeftToRun ? { ...given, jurisdiction: settings.jurisdiction } : given;
  const problems: FieldProblem[] = Object.keys(given)
    .filter((name) => !(name in definition.parameters))
    .map((name) => ({ field: `params.${name}`, message: `分析 ${analysis} 没有此参数 / ${analysis} takes no such parameter` }));
  const parsed = definition.params.safeParse(withDefaults);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (!settings && jurisdictionLeftToRun && issue.path[0] === 'jurisdiction') continue;
      problems.push({ field: ['params', ...issue.path.map(String)].join('.'), message: issue.message });
    }
  }
  if (problems.length > 0) throw badInput(problems);
  return parsed.success ? (parsed.data as Record<string, unknown>) : withDefaults;
}

/** A saved query's case must be one its owner can see (cases/): a query cannot be filed under a stranger's case. */
async function checkCase(graph: Graph, owner: Reader, id: string | null | undefined): Promise<void> {
  if (!id) return;
  try {
    await new Cases(graph).get(owner.name, id);
  } catch (error) {
    if (error instanceof CaseError && error.code === 'NOT_FOUND') throw badInput([{ field: 'caseId', message: '未找到该专案 / no such case visible to you' }]);
    throw error;
  }
}

export interface StoredRunSummary extends Omit<ReportRunSummary, 'trigger'> {
  trigger: string;
}

interface StoredQuery {
  id: string;
  title: string;
  description: string | null;
  analysis: string;
  params: string;
  caseId: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
  sharedRoles: string[] | null;
  scheduleKind: Schedule['kind'] | null;
  scheduleCron: string | null;
  scheduleTimezone: string | null;
  nextRunAt: string | null;
  owner: { name: string; displayName: string | null } | null;
  sharedUsers: { name: string; displayName: string | null }[];
  lastRun: StoredRunSummary | null;
}

export function runSummaryOf(run: StoredRunSummary): ReportRunSummary {
  return { ...run, queryId: run.queryId ?? null, trigger: run.trigger as ReportRunSummary['trigger'] };
}

const userOf = (u: { name: string; displayName: string | null }): ReportUser => ({ name: u.name, displayName: u.displayName ?? u.name });

function savedQueryOf(q: StoredQuery): SavedQuery {
  return {
    id: q.id,
    title: q.title,
    description: q.description ?? null,
    analysis: q.analysis,
    params: JSON.parse(q.params) as Record<string, unknown>,
    owner: q.owner ? userOf(q.owner) : { name: '', displayName: '' },
    sharedWith: { roles: (q.sharedRoles ?? []) as Role[], users: q.sharedUsers.map(userOf) },
    caseId: q.caseId ?? null,
    schedule: q.scheduleKind && q.scheduleCron && q.scheduleTimezone ? { kind: q.scheduleKind, cron: q.scheduleCron, timezone: q.scheduleTimezone } : null,
    nextRunAt: q.nextRunAt ?? null,
    version: q.version,
    createdAt: q.createdAt,
    updatedAt: q.updatedAt,
    lastRun: q.lastRun ? runSummaryOf(q.lastRun) : null,
  };
}

const notFound = () => new ReportError('NOT_FOUND');
const notOwner = () => new ReportError('FORBIDDEN', '只有查询的所有者可以修改、共享或删除 / only the query’s owner changes, shares or deletes it');

/** The query as the reader sees it, with whether the reader owns it; NOT_FOUND when not theirs to see. */
export async function visibleSavedQuery(graph: GraphReader, reader: Reader, id: string): Promise<{ query: SavedQuery; isOwner: boolean }> {
  const [row] = await graph.read<{ query: StoredQuery; isOwner: boolean }>('reports/savedQuery', { id, ...readerParams(reader) });
  if (!row) throw notFound();
  return { query: savedQueryOf(row.query), isOwner: row.isOwner };
}

export async function getSavedQuery(graph: GraphReader, reader: Reader, id: string): Promise<SavedQuery> {
  return (await visibleSavedQuery(graph, reader, id)).query;
}

/** Visible to the reader yet not theirs to change: FORBIDDEN (they know it exists); not visible: NOT_FOUND. */
async function refuseNonOwner(graph: GraphReader, owner: Reader, id: string): Promise<never> {
  await visibleSavedQuery(graph, owner, id);
  throw notOwner();
}

export async function createSavedQuery(graph: Graph, owner: Reader, input: SavedQueryInput): Promise<SavedQuery> {
  if (!ownerRoles.includes(owner.role)) throw new ReportError('FORBIDDEN', '只有侦查员和监管人员可以保存查询 / only investigators and regulators save queries');
  const query = checked(savedQueryInput, input);
  checkParams(query.analysis, query.params, null);
  await checkCase(graph, owner, query.caseId);
  const id = crypto.randomUUID();
  const rows = await graph.write('reports/createSavedQuery', {
    id,
    user: nameKeyOf(owner.name),
    ownerRoles: [...ownerRoles],
    title: query.title,
    description: query.description,
    analysis: query.analysis,
    params: JSON.stringify(query.params),
    caseId: query.caseId,
  });
  if (rows.length === 0) throw new ReportError('FORBIDDEN', '只有启用的侦查员或监管人员账户可以保存查询 / only an enabled investigator’s or regulator’s account saves queries');
  return getSavedQuery(graph, owner, id);
}

/** Changes title, description, analysis, parameters or case, if `version` is the query's version; else EDIT_CONFLICT. */
export async function updateSavedQuery(graph: Graph, owner: Reader, id: string, expectedVersion: number, changes: Partial<SavedQueryInput>): Promise<SavedQuery> {
  const parsed = checked(savedQueryChanges, changes);
  const { query: current, isOwner } = await visibleSavedQuery(graph, owner, id);
  if (!isOwner) throw notOwner();
  const analysis = parsed.analysis ?? current.analysis;
  // A new analysis is checked with the parameters it will run with; new parameters with the analysis.
  if (parsed.analysis !== undefined || parsed.params !== undefined) checkParams(analysis, parsed.params ?? current.params, null);
  if (parsed.caseId) await checkCase(graph, owner, parsed.caseId);
  const [row] = await graph.write<{ saved: boolean; version: number; updatedBy: string; updatedAt: string }>('reports/updateSavedQuery', {
    id,
    user: nameKeyOf(owner.name),
    expectedVersion: int(checked(version, expectedVersion, 'version')),
    title: parsed.title ?? null,
    analysis: parsed.analysis ?? null,
    params: parsed.params === undefined ? null : JSON.stringify(parsed.params),
    description: parsed.description || null,
    clearDescription: parsed.description === null || parsed.description === '',
    caseId: parsed.caseId || null,
    clearCaseId: parsed.caseId === null || parsed.caseId === '',
  });
  if (!row) return refuseNonOwner(graph, owner, id);
  if (!row.saved) {
    throw new ReportError(
      'EDIT_CONFLICT',
      `${row.updatedBy} 于 ${row.updatedAt} 保存了第 ${row.version} 版 / ${row.updatedBy} saved version ${row.version} at ${row.updatedAt}`,
      { currentVersion: row.version, changedBy: row.updatedBy, changedAt: row.updatedAt },
    );
  }
  return getSavedQuery(graph, owner, id);
}

export async function deleteSavedQuery(graph: Graph, owner: Reader, id: string): Promise<void> {
  const rows = await graph.write('reports/deleteSavedQuery', { id, user: nameKeyOf(owner.name) });
  if (rows.length === 0) await refuseNonOwner(graph, owner, id);
}

/**
 * Shares the query with the roles and users given, in place of those before. A user must be an
 * enabled investigator, regulator or viewer other than the owner; BAD_INPUT names any other.
 */
export async function shareSavedQuery(graph: Graph, owner: Reader, id: string, sharedWith: { roles: Role[]; users: string[] }): Promise<SavedQuery> {
  const given = checked(sharing, sharedWith, 'sharedWith');
  const problems: FieldProblem[] = given.roles
    .map((role, i) => ({ role, i }))
    .filter(({ role }) => !readerRoles.includes(role))
    .map(({ i }) => ({ field: `sharedWith.roles.${i}`, message: '系统管理员和审计员不查看案件数据 / sysadmins and auditors see no case data' }));
  const { isOwner } = await visibleSavedQuery(graph, owner, id);
  if (!isOwner) throw notOwner();
  const keys = given.users.map(nameKeyOf);
  const found = new Set(
    (await graph.read<{ nameKey: string }>('reports/shareTargets', { users: keys, roles: [...readerRoles], owner: nameKeyOf(owner.name) })).map((r) => r.nameKey),
  );
  keys.forEach((key, i) => {
    if (!found.has(key)) {
      problems.push({ field: `sharedWith.users.${i}`, message: `只能共享给启用的侦查员、监管人员或查看人员（不含所有者）/ shared only with an enabled investigator, regulator or viewer other than the owner: ${given.users[i]}` });
    }
  });
  if (problems.length > 0) throw badInput(problems);
  const rows = await graph.write('reports/shareSavedQuery', { id, user: nameKeyOf(owner.name), roles: [...new Set(given.roles)].sort(), users: [...new Set(keys)].sort() });
  if (rows.length === 0) throw notFound();
  return getSavedQuery(graph, owner, id);
}

const queryPosition = z.object({ at: z.string().max(64), id: z.string().max(200) });

/** Narrows the saved queries listed (listSavedQueries); absent fields narrow nothing. */
export const savedQueryFilter = z
  .object({
    text: z.string().trim().max(200).nullish(),
    analysis: z.string().max(64).nullish(),
    whose: z.enum(['ALL', 'MINE', 'SHARED']).nullish(),
    watched: z.boolean().nullish(),
  })
  .default({});
export type SavedQueryFilter = z.infer<typeof savedQueryFilter>;

/** The saved queries the reader may see, newest first, narrowed by the filter before paging. */
export async function listSavedQueries(graph: GraphReader, reader: Reader, page: PageRequest, filter: SavedQueryFilter = {}): Promise<ReportPage<SavedQuery>> {
  const first = checkFirst(page.first);
  const after = decodeCursor(page.after, queryPosition);
  let afterAt;
  try {
    afterAt = after ? dateTimeParam(after.at) : null;
  } catch {
    throw badInput([{ field: 'after', message: '无效的分页游标 / not a cursor of this list' }]);
  }
  const rows = await graph.read<{ query: StoredQuery }>('reports/savedQueries', {
    ...readerParams(reader),
    text: filter.text ? filter.text.toLowerCase() : null,
    analysis: filter.analysis || null,
    mine: filter.whose === 'MINE' ? true : filter.whose === 'SHARED' ? false : null,
    watched: filter.watched === true,
    afterAt,
    afterId: after?.id ?? null,
    limit: int(first + 1),
  });
  return pageOf(
    rows.map((r) => savedQueryOf(r.query)),
    first,
    (q) => ({ at: q.createdAt, id: q.id }),
  );
}
